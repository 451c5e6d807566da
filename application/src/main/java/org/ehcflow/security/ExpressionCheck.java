package org.ehcflow.security;

import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNode;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.springframework.stereotype.Component;

/**
 * Decides whether an expression in a process owner's model only reads and writes case values and
 * calls the published beans ({@link ModelBeans}). The expression is read with the engine's own JUEL
 * parser, so what is checked is exactly what the engine would run; anything the rules do not name
 * is refused, so a construct added to the language later is refused until someone allows it.
 */
@Component
public class ExpressionCheck {

  /**
   * What a model may ask of the execution or task it runs in: its case values and its key, nothing
   * of the engine.
   */
  public static final Set<String> EXECUTION_METHODS =
      Set.of(
          "getVariable",
          "getVariableLocal",
          "hasVariable",
          "hasVariableLocal",
          "setVariable",
          "setVariableLocal",
          "getBusinessKey",
          "getProcessBusinessKey");

  /**
   * The engine's due-date functions; {@code currentUser()} and the like read the identity store and
   * are not needed.
   */
  public static final Set<String> FUNCTIONS = Set.of("now", "dateTime");

  /**
   * Properties that lead from a value to its class, class loader or module, where reflection
   * starts, or to the engine behind a value; refused on any value.
   */
  static final Set<String> FORBIDDEN_PROPERTIES =
      Set.of(
          "class",
          "classLoader",
          "module",
          "declaringClass",
          "contextClassLoader",
          "protectionDomain",
          "processEngine",
          "processEngineServices",
          "processEngineConfiguration");

  /**
   * Names the engine itself resolves before any bean or case value: the running context objects.
   */
  private static final Set<String> CONTEXT_OBJECTS = Set.of("execution", "task");

  /**
   * The engine's other context objects, and the engine's own names, refused even where no bean of
   * that name exists today, so a later configuration cannot make them reachable.
   */
  private static final Set<String> ENGINE_OBJECTS =
      Set.of(
          "caseExecution",
          "externalTask",
          "variableScope",
          "processEngine",
          "processEngineConfiguration",
          "applicationContext");

  // The features the engine's own expression factory parses with, so nothing it accepts is hidden
  // from the check.
  private static final Builder PARSER =
      new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

  private final ModelBeans beans;

  public ExpressionCheck(ModelBeans beans) {
    this.beans = beans;
  }

  /**
   * Whether the text holds an expression at all; text without one is never evaluated by the engine
   * as code.
   */
  public static boolean mayHoldExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /**
   * Why the text may not be in a process owner's model outside a delegate expression, or empty when
   * it may.
   */
  public Optional<String> refusal(String text) {
    return refusal(text, false);
  }

  /**
   * Why the text may not be in a process owner's model, or empty when it may. Only a delegate
   * expression ({@code camunda:delegateExpression}) may name a delegate or listener whole: anywhere
   * else the bean itself would become a value, stored in the case and open to its getters.
   */
  public Optional<String> refusal(String text, boolean delegateExpression) {
    AstNode root;
    try {
      root = PARSER.build(text).getRoot() instanceof AstNode node ? node : null;
    } catch (TreeBuilderException e) {
      return Optional.of("it is not an expression the engine can read (" + e.getMessage() + ")");
    }
    if (root == null) {
      return Optional.of("it is not an expression the engine can read");
    }
    if (delegateExpression
        && root instanceof AstEval eval
        && eval.getChild(0) instanceof AstIdentifier identifier
        && beans.delegates().contains(identifier.getName())) {
      return Optional.empty();
    }
    return check(root);
  }

  private Optional<String> check(Node node) {
    if (node instanceof AstText
        || node instanceof AstString
        || node instanceof AstNumber
        || node instanceof AstBoolean
        || node instanceof AstNull) {
      return Optional.empty();
    }
    if (node instanceof AstEval
        || node instanceof AstComposite
        || node instanceof AstNested
        || node instanceof AstChoice
        || node instanceof AstBinary
        || node instanceof AstUnary
        || node instanceof AstParameters) {
      return children(node, 0);
    }
    if (node instanceof AstIdentifier identifier) {
      return identifier(identifier.getName());
    }
    if (node instanceof AstMethod method) {
      return method(method);
    }
    if (node instanceof AstProperty property) {
      return property(property);
    }
    if (node instanceof AstFunction function) {
      if (!FUNCTIONS.contains(function.getName())) {
        return Optional.of(
            "it calls the function "
                + function.getName()
                + "(), and a model may call only "
                + String.join("() and ", FUNCTIONS.stream().sorted().toList())
                + "()");
      }
      return children(node, 0);
    }
    return Optional.of("it uses " + node + ", which a process owner's model may not use");
  }

  private Optional<String> children(Node node, int from) {
    for (int i = from; i < node.getCardinality(); i++) {
      Optional<String> refusal = check(node.getChild(i));
      if (refusal.isPresent()) {
        return refusal;
      }
    }
    return Optional.empty();
  }

  /** A name on its own: a case value, or an allowed delegate or helper bean named whole. */
  private Optional<String> identifier(String name) {
    if (CONTEXT_OBJECTS.contains(name)) {
      return Optional.of(
          "it uses " + name + " other than to call " + sorted(EXECUTION_METHODS) + " on it");
    }
    if (ENGINE_OBJECTS.contains(name)) {
      return Optional.of("it uses the engine's " + name);
    }
    if (beans.isAllowed(name)) {
      return Optional.of(
          "it names the bean "
              + name
              + " as a value; a delegate or listener is named whole only in a "
              + "delegate expression, and a helper's methods are called, as ${deadlines.dueOn(adviceDue)}");
    }
    if (beans.isOtherBean(name)) {
      return Optional.of(
          "it uses the application's bean "
              + name
              + ", which is not one a model may use "
              + "(see docs/model-rules.md)");
    }
    return Optional.empty();
  }

  /** A property read: on case values only, never the way to a class or to the engine. */
  private Optional<String> property(AstProperty property) {
    Optional<String> name = propertyName(property);
    if (name.isEmpty()) {
      return Optional.of(
          "it reads a property by a computed name; only a number or a quoted name may stand in brackets");
    }
    if (FORBIDDEN_PROPERTIES.contains(name.get())) {
      return Optional.of(
          "it reads the property " + name.get() + ", which leads to the application's code");
    }
    Node base = property.getChild(0);
    if (base instanceof AstIdentifier identifier
        && (CONTEXT_OBJECTS.contains(identifier.getName())
            || beans.isAllowed(identifier.getName()))) {
      return Optional.of(
          "it reads the property "
              + name.get()
              + " of "
              + identifier.getName()
              + "; a model may only call the methods listed in docs/model-rules.md on it");
    }
    return check(base);
  }

  private Optional<String> method(AstMethod method) {
    AstProperty target = (AstProperty) method.getChild(0);
    Optional<String> name = propertyName(target);
    if (name.isEmpty()) {
      return Optional.of("it calls a method by a computed name");
    }
    Node base = target.getChild(0);
    String on = base instanceof AstIdentifier identifier ? identifier.getName() : null;
    if (on != null && CONTEXT_OBJECTS.contains(on)) {
      if (!EXECUTION_METHODS.contains(name.get())) {
        return Optional.of(
            "it calls "
                + name.get()
                + " on "
                + on
                + ", and a model may call only "
                + sorted(EXECUTION_METHODS));
      }
    } else if (on != null && beans.isHelper(on)) {
      if (!beans.helpers().get(on).contains(name.get())) {
        return Optional.of(
            "it calls "
                + name.get()
                + " on "
                + on
                + ", and a model may call only "
                + sorted(beans.helpers().get(on)));
      }
    } else if (on != null && beans.isAllowed(on)) {
      return Optional.of(
          "it calls "
              + name.get()
              + " on "
              + on
              + "; a delegate or listener is named whole, as ${"
              + on
              + "}");
    } else {
      if (on == null) {
        // The innermost step names the real problem: getClass() in ${x.getClass().forName(...)}.
        Optional<String> inner = check(base);
        if (inner.isPresent()) {
          return inner;
        }
      }
      return Optional.of(
          "it calls the method "
              + name.get()
              + " on "
              + (on == null ? "a computed value" : on)
              + ", and a model may call methods only on execution, task and the helper beans in docs/model-rules.md");
    }
    return children(method.getChild(1), 0);
  }

  /** The name a property node reads: after a dot, or a literal in brackets; empty when computed. */
  private static Optional<String> propertyName(AstProperty property) {
    if (property instanceof AstDot dot) {
      // AstDot keeps its name to itself; its printed form is ". name".
      return Optional.of(dot.toString().substring(1).trim());
    }
    if (property instanceof AstBracket bracket) {
      Node key = bracket.getChild(1);
      if (key instanceof AstString || key instanceof AstNumber) {
        return Optional.of(String.valueOf(((AstNode) key).eval(null, null)));
      }
    }
    return Optional.empty();
  }

  private static String sorted(Set<String> names) {
    return String.join(", ", names.stream().sorted().toList());
  }
}
