package org.ehcflow.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The house rules of the main code, checked on every build (issue 23, item 3): the feature
 * packages are free of cycles, the statutory core depends on nothing of ours, and only the
 * security package configures Spring Security.
 *
 * <p>ArchUnit reads class files, in which the compiler has copied each constant (a process key, a
 * variable name) into its user: an import made only for constants is no dependency here. Such
 * imports still tie the sources together (security reads the pathways' {@code *Process} keys, the
 * pathways name {@code security.EhcGroups}); moving that vocabulary to a package at the bottom is
 * the rest of issue 23.
 */
@AnalyzeClasses(packages = "org.ehcflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule the_statutory_core_depends_on_nothing_of_ours = noClasses()
      .that().resideInAPackage("org.ehcflow.statutory..")
      .should().dependOnClassesThat(resideInAPackage("org.ehcflow..").and(not(resideInAPackage("org.ehcflow.statutory.."))))
      .because("the statutory periods are rules of law, read and tested apart from the workflow around them");

  @ArchTest
  static final ArchRule only_security_configures_spring_security = noClasses()
      .that().resideOutsideOfPackage("org.ehcflow.security..")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework.security.config..",
          "org.springframework.security.web..")
      .because("who may do what is decided in one place");

  @ArchTest
  static final ArchRule feature_packages_are_free_of_cycles = slices()
      .matching("org.ehcflow.(*)..")
      .should().beFreeOfCycles();
}
