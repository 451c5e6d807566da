/**
 * What the tests share: the application under test ({@link
 * org.ehcflow.support.EhcIntegrationTest}), a mail server ({@link org.ehcflow.support.TestMail}),
 * one case driven by hand on the engine clock ({@link org.ehcflow.support.TestCase}), many cases
 * for a known history ({@link org.ehcflow.support.CaseDriver}), and cases at a stage of their
 * pathway ({@link org.ehcflow.support.Cases}).
 *
 * <h2>A new route test in a few lines</h2>
 *
 * <p>Ask {@link org.ehcflow.support.Cases} for a case at the stage the route starts from, then do
 * the steps the test is about and assert. The builder starts the case and completes every task on
 * the way with what the person would submit, on the pathway's reference calendar (the contract's
 * reference case: a request received on 5 January 2026), so the dates the test reads are the ones
 * the route tests use:
 *
 * <pre>{@code
 * @EhcIntegrationTest
 * class LateDraftTest {
 *
 *   @RegisterExtension
 *   static GreenMailExtension mail = TestMail.server();
 *
 *   @Autowired ProcessEngine engine;
 *
 *   @AfterEach
 *   void resetClock() {
 *     ClockUtil.reset();
 *   }
 *
 *   @Test
 *   void a_draft_not_served_by_week_14_reminds_the_caseworkers() {
 *     TestCase assessment = Cases.assessment(engine, mail).child("C-LATE-DRAFT").atDraft();
 *
 *     assessment.on("2026-04-14T00:00");
 *
 *     assertThat(assessment.passed(AssessmentProcess.Elements.SEND_DRAFT_LATE_REMINDER)).isTrue();
 *     assertThat(assessment.task(AssessmentProcess.Elements.DRAFT_PLAN)).isNotNull();
 *   }
 * }
 * }</pre>
 *
 * <p>Stages: {@code Cases.assessment(...)} {@code .requested()}, {@code .atPanelDecision()}, {@code
 * .atAdviceRequests()}, {@code .atAdvice()}, {@code .atConsiderAdvice()}, {@code
 * .atIssueDecision()}, {@code .atDraft()}, {@code .draftServed()}, {@code .atConsultation()},
 * {@code .atFinalPlan()}, {@code .issued()}; {@code Cases.review(...)} {@code .started()}, {@code
 * .atArrangeMeeting()}, {@code .atAdviceCirculation()}, {@code .atMeeting()}, {@code
 * .atDecision()}, {@code .decided()}; {@code Cases.phaseTransfer(...)} {@code .atReview()}, {@code
 * .atAmendmentNotice()}, {@code .atIssuePlan()}, {@code .issued()}; {@code Cases.section23(...)}
 * {@code .atTriage()}, {@code .triaged()}. A stage method may be called again on the same case to
 * walk it further.
 *
 * <p>Before the first stage, change what the case starts with: {@code .child("C-1")}, {@code
 * .with("yearGroup", 10)}, {@code .with(aRequestMap)}, {@code .without("yearGroup")}, {@code
 * .businessKey("EHCNA-X")}. At any time, change what a person submits at a task from then on:
 * {@code .submitting(DECIDE_WHETHER_TO_ISSUE, Map.of("issueDecision", "do-not-issue", ...))} (the
 * map replaces that task's default values). To set the dates yourself, move the clock with {@code
 * .on("2026-02-09T09:30")}: from then on each step happens at the clock you set (a date the case
 * waits for, such as a review's meeting day, still moves it forward):
 *
 * <pre>{@code
 * TestCase assessment = Cases.assessment(engine, mail).child("C-SILENT").atAdvice()
 *     .on("2026-03-20T10:00").draftServed();   // advice, decision, draft and service all on 20 March
 * }</pre>
 *
 * <p>As with {@link org.ehcflow.support.TestCase}, the test resets the engine clock after itself
 * ({@code ClockUtil.reset()} in an {@code @AfterEach}). Variable names in the builders are the
 * integration contract's names, written out as strings, as the tests write them.
 */
package org.ehcflow.support;
