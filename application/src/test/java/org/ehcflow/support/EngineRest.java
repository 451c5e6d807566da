package org.ehcflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The engine's REST API called as a Tasklist start form or a council's integration calls it, for
 * the process tests of what a start or a message accepts and what it refuses (and with which
 * sentence). Values are given plainly and sent as the engine's typed values.
 */
public final class EngineRest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private EngineRest() {}

  /** Starts a case of the pathway as the user (password "demo"). */
  public static ResponseEntity<String> start(
      TestRestTemplate http, String user, String processKey, Map<String, ?> variables) {
    return post(
        http,
        user,
        "/engine-rest/process-definition/key/" + processKey + "/start",
        Map.of("variables", typed(variables)));
  }

  /** Sends a message to the case of the business key as the user (password "demo"). */
  public static ResponseEntity<String> message(
      TestRestTemplate http,
      String user,
      String messageName,
      String businessKey,
      Map<String, ?> variables) {
    return post(
        http,
        user,
        "/engine-rest/message",
        Map.of(
            "messageName",
            messageName,
            "businessKey",
            businessKey,
            "processVariables",
            typed(variables)));
  }

  /** The answer's JSON body. */
  public static JsonNode json(ResponseEntity<String> answer) {
    try {
      return JSON.readTree(answer.getBody());
    } catch (IOException e) {
      throw new AssertionError("not a JSON answer: " + answer.getBody(), e);
    }
  }

  /** The sentence of a refusal, as Tasklist shows it. */
  public static String errorMessage(ResponseEntity<String> answer) {
    return json(answer).path("message").asText();
  }

  private static Map<String, Object> typed(Map<String, ?> variables) {
    Map<String, Object> typed = new LinkedHashMap<>();
    variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
    return typed;
  }

  private static ResponseEntity<String> post(
      TestRestTemplate http, String user, String path, Map<String, Object> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo")
        .exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }
}
