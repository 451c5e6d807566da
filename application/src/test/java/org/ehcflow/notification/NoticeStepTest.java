package org.ehcflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;

class NoticeStepTest {

  private final Mailboxes mailboxes =
      new Mailboxes(
          new NotificationProperties(
              "council@example.org",
              "Council",
              "",
              Map.of(
                  "education-setting",
                  "settings@council.example.org",
                  "health",
                  "health@council.example.org")));

  private static ServiceTask step(String... properties) {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("notice-step")
            .startEvent()
            .serviceTask("serviceTask_notice")
            .camundaDelegateExpression("${sendNoticeDelegate}")
            .endEvent()
            .done();
    ServiceTask step = model.getModelElementById("serviceTask_notice");
    if (properties.length > 0) {
      CamundaProperties group = model.newInstance(CamundaProperties.class);
      for (int i = 0; i < properties.length; i += 2) {
        CamundaProperty property = model.newInstance(CamundaProperty.class);
        property.setCamundaName(properties[i]);
        property.setCamundaValue(properties[i + 1]);
        group.addChildElement(property);
      }
      ExtensionElements extensions = model.newInstance(ExtensionElements.class);
      extensions.addChildElement(group);
      step.setExtensionElements(extensions);
    }
    return step;
  }

  @Test
  void the_case_address_is_used_when_the_case_has_one_and_the_groups_mailbox_when_it_has_none() {
    NoticeStep notice =
        NoticeStep.of(
            step(
                "noticeType",
                "review-invitation",
                "recipientVariable",
                "namedSettingEmail",
                "recipientGroup",
                "education-setting"));

    assertThat(
            notice.recipient(
                Map.of("namedSettingEmail", "head@hillside.example.org")::get, mailboxes))
        .isEqualTo("head@hillside.example.org");
    assertThat(notice.recipient(Map.of("namedSettingEmail", " ")::get, mailboxes))
        .isEqualTo("settings@council.example.org");
    assertThat(notice.recipient(Map.<String, Object>of()::get, mailboxes))
        .isEqualTo("settings@council.example.org");
  }

  @Test
  void a_group_named_by_the_case_gets_the_mailbox_of_that_group_and_the_key_comes_from_the_case() {
    NoticeStep notice =
        NoticeStep.of(
            step(
                "noticeType",
                "advice-request",
                "recipientGroupVariable",
                "adviserGroup",
                "noticeKeyVariable",
                "adviceType"));
    Map<String, Object> advice = Map.of("adviserGroup", "health", "adviceType", "health");

    assertThat(notice.recipient(advice::get, mailboxes)).isEqualTo("health@council.example.org");
    assertThat(notice.key(advice::get)).isEqualTo("health");
    assertThat(notice.fromInputParameters()).isFalse();
  }

  @Test
  void an_address_only_step_has_no_recipient_when_the_case_holds_none() {
    NoticeStep notice =
        NoticeStep.of(
            step(
                "noticeType",
                "decision-to-assess",
                "recipientVariable",
                "parentEmail",
                "noticeKey",
                "notice"));

    assertThat(notice.recipient(Map.<String, Object>of()::get, mailboxes)).isNull();
    assertThat(notice.key(Map.<String, Object>of()::get)).isEqualTo("notice");
  }

  @Test
  void a_step_without_notice_properties_is_read_the_first_versions_way_from_input_parameters() {
    assertThat(NoticeStep.of(step())).isSameAs(NoticeStep.FROM_INPUT_PARAMETERS);
    assertThat(NoticeStep.of(step()).fromInputParameters()).isTrue();
  }

  @Test
  void a_step_that_names_its_recipient_twice_or_not_at_all_is_refused_with_its_id() {
    assertThatThrownBy(
            () ->
                NoticeStep.of(
                    step(
                        "noticeType",
                        "advice-request",
                        "recipientGroupVariable",
                        "adviserGroup",
                        "recipientGroup",
                        "health")))
        .hasMessage(
            "The notice step 'serviceTask_notice' names its recipient twice: recipientGroupVariable goes alone");
    assertThatThrownBy(() -> NoticeStep.of(step("noticeType", "advice-request")))
        .hasMessageContaining("names no recipient");
    assertThatThrownBy(
            () ->
                NoticeStep.of(
                    step(
                        "noticeType",
                        "advice-request",
                        "recipientVariable",
                        "parentEmail",
                        "noticeKey",
                        "a",
                        "noticeKeyVariable",
                        "b")))
        .hasMessageContaining("has both noticeKey and noticeKeyVariable");
  }
}
