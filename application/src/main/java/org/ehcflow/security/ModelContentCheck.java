package org.ehcflow.security;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.Problem;
import org.springframework.stereotype.Component;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What a model deployed by a process owner may contain (docs/model-rules.md): a model is a
 * description of a pathway, so whatever in BPMN or DMN would run code of the modeller's choosing (a
 * script, a class, a connector, a shell task, an expression reaching the engine) is refused.
 *
 * <p>The check reads the XML itself with the JDK's parser rather than through the BPMN model API,
 * because it must see every attribute of every element, in any namespace (the engine still honours
 * the old {@code activiti:} ones), including those the model API does not know.
 */
@Component
public class ModelContentCheck {

  public static final Set<String> RESOURCE_TYPES = Set.of(".bpmn", ".dmn", ".form");

  /** Elements that hold or call code: script tasks, scripts anywhere, connectors. */
  static final Set<String> BPMN_ELEMENTS_REFUSED = Set.of("scriptTask", "script", "connector");

  /**
   * Attributes naming a Java class or a script, by local name in any namespace; {@code language}
   * makes a condition a script and {@code resource} loads a script from the deployment.
   */
  static final Set<String> BPMN_ATTRIBUTES_REFUSED =
      Set.of(
          "class",
          "variableMappingClass",
          "formHandlerClass",
          "resource",
          "scriptFormat",
          "language");

  /**
   * The engine's names for FEEL, the only expression language a process owner's decision table may
   * use.
   */
  static final Set<String> FEEL =
      Set.of(
          "feel",
          "http://www.omg.org/spec/FEEL/20140401",
          "http://www.omg.org/spec/DMN/20180521/FEEL/",
          "https://www.omg.org/spec/DMN/20191111/FEEL/",
          "https://www.omg.org/spec/DMN/20211108/FEEL/",
          "https://www.omg.org/spec/DMN/20230324/FEEL/");

  /** FEEL's way to call a Java method: {@code function(x) external { java: {...} }}. */
  private static final Pattern FEEL_EXTERNAL = Pattern.compile("\\bexternal\\s*\\{");

  private final ExpressionCheck expressions;

  public ModelContentCheck(ExpressionCheck expressions) {
    this.expressions = expressions;
  }

  /**
   * A reason a resource is refused, with the element it is about (or the resource as a whole, as
   * null).
   */
  public record Refusal(String resource, String elementId, String reason) implements Problem {

    @Override
    public String getMessage() {
      return resource + (elementId == null ? "" : ", element " + elementId) + ": " + reason;
    }

    @Override
    public int getLine() {
      return 0;
    }

    @Override
    public int getColumn() {
      return 0;
    }

    @Override
    public String getMainElementId() {
      return elementId;
    }

    @Override
    public List<String> getElementIds() {
      return elementId == null ? List.of() : List.of(elementId);
    }
  }

  public List<Refusal> check(String resourceName, byte[] content) {
    String lower = resourceName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".form")) {
      // Camunda Forms are JSON the browser renders; the engine runs nothing in them.
      return List.of();
    }
    if (!lower.endsWith(".bpmn") && !lower.endsWith(".dmn")) {
      return List.of(
          new Refusal(
              resourceName, null, "a process owner may deploy only .bpmn, .dmn and .form files"));
    }
    Element root;
    try {
      root = parse(content);
    } catch (Exception e) {
      return List.of(
          new Refusal(resourceName, null, "it is not well-formed XML (" + e.getMessage() + ")"));
    }
    List<Refusal> refusals = new ArrayList<>();
    if (lower.endsWith(".bpmn")) {
      walkBpmn(resourceName, root, refusals);
    } else {
      walkDmn(resourceName, root, refusals);
    }
    return refusals;
  }

  private void walkBpmn(String resource, Element element, List<Refusal> refusals) {
    String name = element.getLocalName();
    if (BPMN_ELEMENTS_REFUSED.contains(name)) {
      refusals.add(
          refusal(
              resource,
              element,
              "a " + name + " runs code; a process owner's model may not contain one"));
    }
    if ("field".equals(name) && isCamunda(element)) {
      refusals.add(
          refusal(
              resource,
              element,
              "field injection (camunda:field) changes the application's shared "
                  + "delegate beans; a process owner's model may not contain one"));
    }
    if ("constraint".equals(name)
        && "validator".equals(element.getAttribute("name"))
        && !ExpressionCheck.mayHoldExpression(element.getAttribute("config"))) {
      refusals.add(
          refusal(resource, element, "a form field validator named by class runs that class"));
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String local =
          attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
      if (isNamespaceDeclaration(attribute)) {
        continue;
      }
      if (BPMN_ATTRIBUTES_REFUSED.contains(local)) {
        refusals.add(
            refusal(
                resource,
                element,
                "the attribute "
                    + attribute.getName()
                    + " names a class or a script, which a process owner's model may not"));
      } else if ("type".equals(local)
          && isCamunda(attribute)
          && !"external".equals(attribute.getValue())) {
        refusals.add(
            refusal(
                resource,
                element,
                "a service task of type "
                    + attribute.getValue()
                    + " runs a mail or shell command; only external tasks or delegate expressions may be used"));
      } else if ("formKey".equals(local) && !attribute.getValue().startsWith("camunda-forms:")) {
        refusals.add(
            refusal(
                resource,
                element,
                "the form key "
                    + attribute.getValue()
                    + " names an embedded or application form; a process owner's model uses Camunda Forms (formRef)"));
      } else {
        expression(
            resource, element, attribute.getValue(), local.endsWith("elegateExpression"), refusals);
      }
    }
    text(
        resource,
        element,
        refusals,
        value -> expression(resource, element, value, false, refusals));
    children(element).forEach(child -> walkBpmn(resource, child, refusals));
  }

  private void walkDmn(String resource, Element element, List<Refusal> refusals) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String local =
          attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
      if ("expressionLanguage".equals(local)
          && !FEEL.contains(attribute.getValue().trim().toLowerCase(Locale.ROOT))
          && !FEEL.contains(attribute.getValue().trim())) {
        refusals.add(
            refusal(
                resource,
                element,
                "the expression language "
                    + attribute.getValue()
                    + " is not FEEL; a process owner's decision table may use FEEL only"));
      } else if ("kind".equals(local)
          && "functionDefinition".equals(element.getLocalName())
          && !"FEEL".equalsIgnoreCase(attribute.getValue())) {
        refusals.add(
            refusal(
                resource,
                element,
                "a " + attribute.getValue() + " function calls code outside the table"));
      }
    }
    text(
        resource,
        element,
        refusals,
        value -> {
          if (FEEL_EXTERNAL.matcher(value).find()) {
            refusals.add(refusal(resource, element, "an external FEEL function calls Java code"));
          }
        });
    children(element).forEach(child -> walkDmn(resource, child, refusals));
  }

  /**
   * {@code delegateExpression} and {@code variableMappingDelegateExpression} are where a delegate
   * is named whole.
   */
  private void expression(
      String resource, Element element, String value, boolean delegate, List<Refusal> refusals) {
    if (ExpressionCheck.mayHoldExpression(value)) {
      Optional<String> refusal = expressions.refusal(value, delegate);
      refusal.ifPresent(
          reason -> refusals.add(refusal(resource, element, value.trim() + ": " + reason)));
    }
  }

  /** The element's own text, not its children's, so each finding names the element it is in. */
  private static void text(
      String resource,
      Element element,
      List<Refusal> refusals,
      java.util.function.Consumer<String> check) {
    StringBuilder text = new StringBuilder();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    if (!text.toString().isBlank()) {
      check.accept(text.toString());
    }
  }

  private static List<Element> children(Element element) {
    List<Element> children = new ArrayList<>();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        children.add(childElement);
      }
    }
    return children;
  }

  /**
   * The nearest element with an id, so a refusal names what the process owner sees in the Modeler.
   */
  private static Refusal refusal(String resource, Element element, String reason) {
    for (Node node = element; node instanceof Element candidate; node = node.getParentNode()) {
      // A camunda:formField's id is a case value's name, not an element of the diagram.
      if (candidate.hasAttribute("id") && !isCamunda(candidate)) {
        return new Refusal(resource, candidate.getAttribute("id"), reason);
      }
    }
    return new Refusal(resource, null, reason);
  }

  private static boolean isCamunda(Node node) {
    String namespace = node.getNamespaceURI();
    return namespace != null
        && (namespace.startsWith("http://camunda.org/schema/")
            || namespace.equals("http://activiti.org/bpmn"));
  }

  private static boolean isNamespaceDeclaration(Attr attribute) {
    return XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI());
  }

  private static Element parse(byte[] content) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    // A model has no business with a DTD; refusing one shuts out external entities too.
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    builder.setErrorHandler(null);
    return builder.parse(new ByteArrayInputStream(content)).getDocumentElement();
  }
}
