package org.ehcflow.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.Slice;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * The house rules of the main code, checked on every build (issue 23, item 3):
 *
 * <ul>
 *   <li>the feature packages are free of cycles;
 *   <li>the statutory core depends on nothing of ours; the vocabulary depends on nothing of ours
 *       and, of Camunda, only on the variable API, so every package may use both;
 *   <li>the pathways ({@code assessment}, {@code review}, {@code phasetransfer}, {@code section23},
 *       {@code tribunal}) do not depend on each other: they start and tell each other through the
 *       vocabulary's {@code Pathways} keys and messages and its variable declarations;
 *   <li>nothing of ours depends on {@code simulation}, which is a tool run beside the application;
 *   <li>delegates and listeners are thin: what the engine calls ({@code execute}, {@code notify},
 *       and the methods of the same class these call) reaches at most one class of ours outside the
 *       vocabulary, the one doing the work (the pathway's service, or {@code CaseData} for a
 *       validator);
 *   <li>only the security package configures Spring Security.
 * </ul>
 *
 * <p>ArchUnit reads class files, in which the compiler has copied each constant (a process key, a
 * variable name) into its user: a class that uses another package only for its constants shows no
 * dependency here. {@link SourceDependenciesTest} closes that gap: it reads the sources' imports
 * and qualified names, and holds that package graph to the same rules: no cycles, nothing of ours
 * under statutory and vocabulary, no pathway using another.
 */
@AnalyzeClasses(packages = "org.ehcflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  static final List<String> PATHWAYS =
      List.of(
          "assessment",
          "review",
          "phasetransfer",
          "section23",
          "disagreement",
          "tribunal",
          "transfer",
          "cease",
          "reassessment",
          "amendment");

  @ArchTest
  static final ArchRule the_statutory_core_depends_on_nothing_of_ours =
      noClasses()
          .that()
          .resideInAPackage("org.ehcflow.statutory..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("org.ehcflow..")
                  .and(not(resideInAPackage("org.ehcflow.statutory.."))))
          .because(
              "the statutory periods are rules of law, read and tested apart from the workflow around them");

  @ArchTest
  static final ArchRule
      the_vocabulary_depends_on_nothing_of_ours_and_only_on_camundas_variable_api =
          noClasses()
              .that()
              .resideInAPackage("org.ehcflow.vocabulary..")
              .should()
              .dependOnClassesThat(
                  resideInAPackage("org.ehcflow..")
                      .and(not(resideInAPackage("org.ehcflow.vocabulary..")))
                      .or(
                          resideInAPackage("org.camunda..")
                              .and(not(name("org.camunda.bpm.engine.delegate.VariableScope")))
                              .and(not(resideInAPackage("org.camunda.bpm.engine.variable..")))))
              .because(
                  "the vocabulary sits at the bottom: any package may use it, and it can never pull a feature in");

  @ArchTest
  static final ArchRule the_pathways_do_not_depend_on_each_other =
      slices()
          .matching("org.ehcflow.(*)..")
          .that(
              DescribedPredicate.describe(
                  "are pathways " + PATHWAYS,
                  (Slice slice) -> PATHWAYS.contains(slice.getNamePart(1))))
          .should()
          .notDependOnEachOther()
          .because(
              "a pathway starts or tells another only through the vocabulary's Pathways keys and messages and "
                  + "its variable declarations");

  @ArchTest
  static final ArchRule nothing_of_ours_depends_on_the_simulation =
      noClasses()
          .that()
          .resideInAPackage("org.ehcflow..")
          .and()
          .resideOutsideOfPackage("..simulation..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..simulation..")
          .because("the simulation is a tool beside the application, moving to its own module")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule delegates_and_listeners_are_thin =
      classes()
          .that(
              resideInAPackage("org.ehcflow..")
                  .and(
                      assignableTo(JavaDelegate.class)
                          .or(assignableTo(TaskListener.class))
                          .or(assignableTo(ExecutionListener.class))))
          .and()
          .areNotInterfaces()
          .should(callIntoAtMostOneClassOfOursOutsideTheVocabulary())
          .because(
              "a delegate or listener translates between the engine and one class doing the work, "
                  + "which can then be tested without the engine");

  @ArchTest
  static final ArchRule only_security_configures_spring_security =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.ehcflow.security..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework.security.config..", "org.springframework.security.web..")
          .because("who may do what is decided in one place");

  @ArchTest
  static final ArchRule feature_packages_are_free_of_cycles =
      slices().matching("org.ehcflow.(*)..").should().beFreeOfCycles();

  /**
   * From the engine's entry points ({@code execute}, {@code notify}) through the methods of the
   * same class they call (private helpers, lambdas), the classes of ours reached: nested classes
   * count as their outermost class, the vocabulary does not count.
   */
  static ArchCondition<JavaClass> callIntoAtMostOneClassOfOursOutsideTheVocabulary() {
    return new ArchCondition<>(
        "call into at most one class of ours outside org.ehcflow.vocabulary "
            + "from execute/notify") {
      @Override
      public void check(JavaClass delegate, ConditionEvents events) {
        Set<String> called = new TreeSet<>();
        Set<JavaCodeUnit> seen = new HashSet<>();
        Deque<JavaCodeUnit> toVisit = new ArrayDeque<>();
        for (JavaMethod method : delegate.getMethods()) {
          if (isEntryPoint(method)) {
            toVisit.add(method);
          }
        }
        while (!toVisit.isEmpty()) {
          JavaCodeUnit unit = toVisit.pop();
          if (!seen.add(unit)) {
            continue;
          }
          for (JavaAccess<?> access : unit.getAccessesFromSelf()) {
            JavaClass target = outermost(access.getTargetOwner());
            if (target.equals(outermost(delegate))) {
              access
                  .getTarget()
                  .resolveMember()
                  .filter(JavaCodeUnit.class::isInstance)
                  .map(JavaCodeUnit.class::cast)
                  .filter(member -> member.getOwner().equals(delegate))
                  .ifPresent(toVisit::add);
            } else if (within(target, "org.ehcflow") && !within(target, "org.ehcflow.vocabulary")) {
              called.add(target.getName());
            }
          }
        }
        boolean thin = called.size() <= 1;
        events.add(
            new SimpleConditionEvent(
                delegate,
                thin,
                delegate.getName()
                    + (thin ? " calls " : " is not thin: ")
                    + "its execute/notify call into "
                    + called.size()
                    + " classes of ours outside the vocabulary "
                    + called));
      }
    };
  }

  private static boolean isEntryPoint(JavaMethod method) {
    if (method.getParameters().size() != 1) {
      return false;
    }
    String parameter = method.getRawParameterTypes().get(0).getName();
    return ("execute".equals(method.getName())
            && "org.camunda.bpm.engine.delegate.DelegateExecution".equals(parameter))
        || ("notify".equals(method.getName())
            && ("org.camunda.bpm.engine.delegate.DelegateExecution".equals(parameter)
                || "org.camunda.bpm.engine.delegate.DelegateTask".equals(parameter)));
  }

  private static boolean within(JavaClass type, String packageName) {
    return type.getPackageName().equals(packageName)
        || type.getPackageName().startsWith(packageName + ".");
  }

  private static JavaClass outermost(JavaClass type) {
    JavaClass outer = type.isArray() ? type.getBaseComponentType() : type;
    while (outer.getEnclosingClass().isPresent()) {
      outer = outer.getEnclosingClass().get();
    }
    return outer;
  }
}
