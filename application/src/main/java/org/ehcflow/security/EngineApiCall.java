package org.ehcflow.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One request to the engine's REST API, whichever door it came through: the integrators' API at
 * {@code /engine-rest} (with or without {@code /engine/{name}}), or the web apps' own copy of it at
 * {@code {webapp}/api/engine/engine/{name}} that Tasklist and Cockpit call. The path is the one the
 * servlet container decoded and normalised (no dot segments, no {@code ;parameters}), split into
 * segments, so a rule written for {@code task/{id}/complete} holds for every spelling of it.
 */
record EngineApiCall(String method, List<String> segments, HttpServletRequest request) {

  static final String REST_PREFIX = "/engine-rest";

  static Optional<EngineApiCall> of(HttpServletRequest request, String webAppPath) {
    String path =
        (request.getServletPath() == null ? "" : request.getServletPath())
            + (request.getPathInfo() == null ? "" : request.getPathInfo());
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/+")) {
      if (!segment.isEmpty()) {
        segments.add(segment);
      }
    }
    List<String> rest;
    if (startsWith(segments, REST_PREFIX.substring(1))) {
      rest = segments.subList(1, segments.size());
      if (startsWith(rest, "engine") && rest.size() >= 2) {
        rest = rest.subList(2, rest.size());
      }
    } else {
      List<String> webApp = List.of((webAppPath + "/api/engine/engine").substring(1).split("/"));
      if (segments.size() < webApp.size() + 1
          || !segments.subList(0, webApp.size()).equals(webApp)) {
        return Optional.empty();
      }
      rest = segments.subList(webApp.size() + 1, segments.size());
    }
    return Optional.of(
        new EngineApiCall(
            request.getMethod().toUpperCase(Locale.ROOT), List.copyOf(rest), request));
  }

  private static boolean startsWith(List<String> segments, String first) {
    return !segments.isEmpty() && segments.get(0).equals(first);
  }

  boolean reads() {
    return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
  }

  int size() {
    return segments.size();
  }

  String segment(int index) {
    return index < segments.size() ? segments.get(index) : "";
  }

  String last() {
    return segments.isEmpty() ? "" : segments.get(segments.size() - 1);
  }

  boolean under(String first) {
    return segment(0).equals(first);
  }

  /** The path matches this pattern, segment by segment; {@code *} matches any one segment. */
  boolean is(String pattern) {
    String[] parts = pattern.split("/");
    if (parts.length != segments.size()) {
      return false;
    }
    for (int i = 0; i < parts.length; i++) {
      if (!parts[i].equals("*") && !parts[i].equals(segments.get(i))) {
        return false;
      }
    }
    return true;
  }

  boolean flag(String parameter) {
    String value = request.getParameter(parameter);
    return value != null && value.trim().equalsIgnoreCase("true");
  }

  String path() {
    return "/" + String.join("/", segments);
  }
}
