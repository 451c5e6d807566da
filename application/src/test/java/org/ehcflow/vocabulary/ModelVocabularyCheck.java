package org.ehcflow.vocabulary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.ehcflow.statutory.TransferType;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks the models against the vocabulary's code lists: the options a form offers for a code
 * variable, the string literals a BPMN expression compares a code variable with (or sets it to),
 * the branches of an exclusive gateway deciding on one, and the literals a decision table tests or
 * gives for one. It takes the folders to read, so a test can point it at altered copies.
 *
 * <p>Each problem is one sentence naming the file, the variable and the values at fault.
 */
final class ModelVocabularyCheck {

  /**
   * A code list: the enum's simple name, its codes in declaration order, and those people pick on
   * forms (a value the engine or a decision table records is a code, but never a form's option).
   */
  record CodeList(String name, Set<String> codes, Set<String> chosen) {

    CodeList(String name, Set<String> codes) {
      this(name, codes, codes);
    }

    static CodeList of(Class<?> list) {
      if (!list.isEnum()) {
        throw new IllegalArgumentException(list + " is not an enum");
      }
      try {
        Method code = list.getMethod("code");
        Set<String> codes = new LinkedHashSet<>();
        Set<String> chosen = new LinkedHashSet<>();
        for (Object value : list.getEnumConstants()) {
          codes.add((String) code.invoke(value));
          if (!(value instanceof Code picked) || picked.chosenByPeople()) {
            chosen.add((String) code.invoke(value));
          }
        }
        return new CodeList(list.getSimpleName(), codes, chosen);
      } catch (ReflectiveOperationException e) {
        throw new IllegalArgumentException(list + " has no code()", e);
      }
    }

    @Override
    public String toString() {
      return name + " " + codes;
    }
  }

  /**
   * Variables the models treat as code lists although their declaration does not say so (yet): each
   * entry says why.
   */
  static final Map<String, Class<?>> NOT_DECLARED_AS_CODE =
      Map.of(
          // Declared Variable.engineValue: the JSON list of advice types the caseworker ticks on
          // plan-advice-requests.form; each element is an AdviceKind code.
          "reusedAdvice", AdviceKind.class,
          // Declared Variable.text in PhaseTransferVariables: the reg 18 transfers are the
          // statutory
          // core's TransferType, which has code() but (living in statutory) does not implement
          // Code.
          "transferType", TransferType.class,
          // Declared Variable.engineValue in DisagreementVariables: the JSON lists of order types
          // ticked on the disagreement's forms; each element is an OrderType code.
          "agreedOrders", OrderType.class,
          "concededOrders", OrderType.class,
          "tribunalOrders", OrderType.class);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);

  /** execution.getVariable('x'), task.getVariableLocal("x"): read as the variable x. */
  private static final Pattern GET_VARIABLE =
      Pattern.compile("\\b\\w+\\.getVariable(?:Local)?\\(\\s*(['\"])(\\w+)\\1\\s*\\)");

  private static final Pattern VARIABLE_COMPARED =
      Pattern.compile("([A-Za-z_]\\w*)\\s*(?:==|!=|\\beq\\b|\\bne\\b)\\s*(['\"])([^'\"]*)\\2");
  private static final Pattern COMPARED_VARIABLE =
      Pattern.compile("(['\"])([^'\"]*)\\1\\s*(?:==|!=|\\beq\\b|\\bne\\b)\\s*([A-Za-z_]\\w*)");
  private static final Pattern VARIABLE_SET =
      Pattern.compile(
          "\\.setVariable(?:Local)?\\(\\s*(['\"])(\\w+)\\1\\s*,\\s*(['\"])([^'\"]*)\\3\\s*\\)");
  private static final Pattern BRANCH =
      Pattern.compile("^\\s*\\$\\{\\s*(\\w+)\\s*==\\s*'([^']*)'\\s*}\\s*$");
  private static final Pattern FEEL_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final Map<String, CodeList> codeVariables;
  private final List<Path> folders;
  private final List<String> problems = new ArrayList<>();

  /** What was compared, per variable: for the test's report, and so an empty run cannot pass. */
  private final Map<String, Set<String>> checked = new TreeMap<>();

  ModelVocabularyCheck(Map<String, CodeList> codeVariables, Path... folders) {
    this.codeVariables = codeVariables;
    this.folders = List.of(folders);
  }

  /** The vocabulary as declared, and the folders the application deploys its models from. */
  static ModelVocabularyCheck ofTheApplication() {
    return new ModelVocabularyCheck(
        declaredCodeVariables(), Path.of("forms"), Path.of("processes"));
  }

  // ---------------------------------------------------------------------------------------------
  // The declarations

  /**
   * Every {@code Variable.code(name, list)} in the vocabulary's {@code *Variables} classes, found
   * by reflection, plus {@link #NOT_DECLARED_AS_CODE}. One name meaning two lists is a fault.
   */
  static Map<String, CodeList> declaredCodeVariables() {
    Map<String, CodeList> variables = new TreeMap<>();
    Map<String, String> declaredIn = new TreeMap<>();
    for (Class<?> declarations : variablesClasses()) {
      for (Field field : declarations.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (!Modifier.isStatic(modifiers) || !Variable.class.equals(field.getType())) {
          continue;
        }
        Variable<?> variable;
        try {
          field.setAccessible(true);
          variable = (Variable<?>) field.get(null);
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
        if (!variable.type().isEnum()) {
          continue;
        }
        CodeList list = CodeList.of(variable.type());
        String where = declarations.getSimpleName() + "." + field.getName();
        CodeList earlier = variables.putIfAbsent(variable.name(), list);
        declaredIn.putIfAbsent(variable.name(), where);
        if (earlier != null && !earlier.name().equals(list.name())) {
          throw new IllegalStateException(
              variable.name()
                  + " is a "
                  + earlier.name()
                  + " in "
                  + declaredIn.get(variable.name())
                  + " but a "
                  + list.name()
                  + " in "
                  + where);
        }
      }
    }
    NOT_DECLARED_AS_CODE.forEach(
        (name, type) -> {
          CodeList list = CodeList.of(type);
          CodeList declared = variables.putIfAbsent(name, list);
          if (declared != null && !declared.name().equals(list.name())) {
            throw new IllegalStateException(
                name
                    + " is declared a "
                    + declared.name()
                    + " in "
                    + declaredIn.get(name)
                    + " but the models use it as a "
                    + list.name());
          }
        });
    return variables;
  }

  /**
   * The {@code *Variables} classes of the vocabulary package, read from the folder its classes were
   * compiled to (the tests share the package, in another folder).
   */
  static List<Class<?>> variablesClasses() {
    String packageName = Variable.class.getPackageName();
    try {
      URL classes = Variable.class.getProtectionDomain().getCodeSource().getLocation();
      Path folder = Path.of(classes.toURI()).resolve(packageName.replace('.', '/'));
      if (!Files.isDirectory(folder)) {
        throw new IllegalStateException("the vocabulary's classes are not in a folder: " + classes);
      }
      List<Class<?>> found = new ArrayList<>();
      try (Stream<Path> files = Files.list(folder)) {
        for (String file :
            files
                .map(path -> path.getFileName().toString())
                .filter(name -> name.endsWith("Variables.class"))
                .sorted()
                .toList()) {
          found.add(
              Class.forName(
                  packageName + "." + file.substring(0, file.length() - ".class".length())));
        }
      }
      if (found.isEmpty()) {
        throw new IllegalStateException("no *Variables classes in " + folder);
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException | ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The check

  /** Every problem found in the folders' forms, processes and decision tables. */
  List<String> problems() {
    problems.clear();
    checked.clear();
    for (Path folder : folders) {
      for (Path file : files(folder)) {
        String name = file.getFileName().toString();
        if (name.endsWith(".form")) {
          checkForm(file);
        } else if (name.endsWith(".bpmn")) {
          checkProcess(file);
        } else if (name.endsWith(".dmn")) {
          checkDecisions(file);
        }
      }
    }
    return List.copyOf(problems);
  }

  /** Per code variable, the places its values were compared in the last run. */
  Map<String, Set<String>> checked() {
    return checked;
  }

  private static List<Path> files(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void problem(Path file, String sentence) {
    problems.add(file + ": " + sentence);
  }

  private void compared(String variable, Path file, String what) {
    checked
        .computeIfAbsent(variable, name -> new LinkedHashSet<>())
        .add(file.getFileName() + " " + what);
  }

  // Forms ---------------------------------------------------------------------------------------

  private void checkForm(Path file) {
    JsonNode form;
    try {
      form = JSON.readTree(file.toFile());
    } catch (IOException e) {
      problem(file, "is not readable JSON: " + e.getMessage());
      return;
    }
    List<JsonNode> components = new ArrayList<>();
    collectComponents(form, components);
    for (JsonNode component : components) {
      String key = component.path("key").asText(null);
      boolean offersOptions =
          component.has("values")
              || component.has("valuesKey")
              || component.has("valuesExpression");
      if (key == null) {
        continue;
      }
      CodeList list = codeVariables.get(key);
      if (!offersOptions) {
        if (list != null && component.hasNonNull("defaultValue")) {
          checkDefault(file, key, list, component.get("defaultValue"));
        }
        continue;
      }
      if (list == null) {
        problem(
            file,
            "the "
                + component.path("type").asText("field")
                + " '"
                + key
                + "' offers options, but the "
                + "vocabulary does not declare '"
                + key
                + "' as a code variable: add an enum implementing Code to "
                + "org.ehcflow.vocabulary and declare Variable.code(\""
                + key
                + "\", ...) in the pathway's *Variables");
        continue;
      }
      if (!component.has("values")) {
        String source =
            component.has("valuesKey")
                ? "valuesKey '" + component.get("valuesKey").asText() + "'"
                : "valuesExpression '" + component.get("valuesExpression").asText() + "'";
        problem(
            file,
            "'"
                + key
                + "' takes its options from "
                + source
                + " at run time, so they cannot be "
                + "checked against "
                + list
                + ": list them in the form");
        continue;
      }
      List<String> offered = new ArrayList<>();
      for (JsonNode option : component.get("values")) {
        offered.add(option.path("value").asText());
      }
      compared(key, file, "options");
      Set<String> extra = new LinkedHashSet<>(offered);
      extra.removeAll(list.chosen());
      Set<String> missing = new LinkedHashSet<>(list.chosen());
      missing.removeAll(offered);
      if (!extra.isEmpty()) {
        problem(
            file,
            "'"
                + key
                + "' offers "
                + extra
                + ", which "
                + (extra.size() == 1 ? "is" : "are")
                + " not in "
                + list
                + ": add "
                + (extra.size() == 1 ? "it" : "them")
                + " to "
                + list.name()
                + " (and wherever the models decide on '"
                + key
                + "') or remove "
                + (extra.size() == 1 ? "it" : "them"));
      }
      if (!missing.isEmpty()) {
        problem(file, "'" + key + "' does not offer " + missing + " of " + list);
      }
      if (offered.size() != new LinkedHashSet<>(offered).size()) {
        problem(file, "'" + key + "' offers a value twice: " + offered);
      }
      if (extra.isEmpty()
          && missing.isEmpty()
          && !new ArrayList<>(new LinkedHashSet<>(offered))
              .equals(new ArrayList<>(list.chosen()))) {
        problem(
            file,
            "'"
                + key
                + "' offers "
                + offered
                + " in another order than "
                + list.name()
                + " declares them "
                + list.chosen());
      }
      if (component.hasNonNull("defaultValue")) {
        checkDefault(file, key, list, component.get("defaultValue"));
      }
    }
  }

  private void checkDefault(Path file, String key, CodeList list, JsonNode value) {
    List<String> values = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(element -> values.add(element.asText()));
    } else {
      values.add(value.asText());
    }
    for (String code : values) {
      if (!list.codes().contains(code)) {
        problem(file, "'" + key + "' defaults to '" + code + "', which is not in " + list);
      }
    }
  }

  private static void collectComponents(JsonNode node, List<JsonNode> into) {
    if (node.isObject()) {
      if (node.has("type") && node.has("key")) {
        into.add(node);
      }
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (!"values".equals(field.getKey())) {
          collectComponents(field.getValue(), into);
        }
      }
    } else if (node.isArray()) {
      node.forEach(element -> collectComponents(element, into));
    }
  }

  // Processes -----------------------------------------------------------------------------------

  private void checkProcess(Path file) {
    Document model = xml(file);
    if (model == null) {
      return;
    }
    for (Element element : elements(model.getDocumentElement())) {
      NamedNodeMap attributes = element.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        Attr attribute = (Attr) attributes.item(i);
        checkExpressions(file, element, attribute.getValue());
      }
      String text = ownText(element);
      checkExpressions(file, element, text);
      // <camunda:inputParameter name="reviewDecision">maintain</camunda:inputParameter>: a literal
      boolean parameter =
          "inputParameter".equals(element.getLocalName())
              || "outputParameter".equals(element.getLocalName());
      if (parameter
          && codeVariables.containsKey(element.getAttribute("name"))
          && !text.isBlank()
          && !EXPRESSION.matcher(text).find()
          && elements(element).size() == 1) {
        literal(file, element, element.getAttribute("name"), text.trim(), "is set to");
      }
    }
    checkGateways(file, model);
  }

  private void checkExpressions(Path file, Element element, String text) {
    Matcher expressions = EXPRESSION.matcher(text);
    while (expressions.find()) {
      String expression = GET_VARIABLE.matcher(expressions.group(1)).replaceAll("$2");
      Matcher set = VARIABLE_SET.matcher(expression);
      while (set.find()) {
        literal(file, element, set.group(2), set.group(4), "is set to");
      }
      String withoutSets = VARIABLE_SET.matcher(expression).replaceAll("");
      Matcher compared = VARIABLE_COMPARED.matcher(withoutSets);
      while (compared.find()) {
        literal(file, element, compared.group(1), compared.group(3), "is compared with");
      }
      Matcher reversed = COMPARED_VARIABLE.matcher(withoutSets);
      while (reversed.find()) {
        literal(file, element, reversed.group(3), reversed.group(2), "is compared with");
      }
    }
  }

  private void literal(Path file, Element element, String variable, String value, String how) {
    CodeList list = codeVariables.get(variable);
    String where = where(element);
    if (list == null) {
      if ("is compared with".equals(how)) {
        problem(
            file,
            where
                + ": '"
                + variable
                + "' "
                + how
                + " '"
                + value
                + "', but the vocabulary does not "
                + "declare '"
                + variable
                + "' as a code variable");
      }
      return;
    }
    compared(variable, file, where);
    if (!list.codes().contains(value)) {
      problem(
          file,
          where + ": '" + variable + "' " + how + " '" + value + "', which is not in " + list);
    }
  }

  /**
   * An exclusive gateway whose every branch tests one code variable must have a branch per code.
   */
  private void checkGateways(Path file, Document model) {
    Map<String, List<Element>> flowsFrom = new LinkedHashMap<>();
    for (Element flow : elementsNamed(model, "sequenceFlow")) {
      flowsFrom.computeIfAbsent(flow.getAttribute("sourceRef"), id -> new ArrayList<>()).add(flow);
    }
    for (Element gateway : elementsNamed(model, "exclusiveGateway")) {
      List<Element> branches = flowsFrom.getOrDefault(gateway.getAttribute("id"), List.of());
      if (branches.size() < 2 || !gateway.getAttribute("default").isEmpty()) {
        continue;
      }
      String variable = null;
      Set<String> covered = new LinkedHashSet<>();
      for (Element branch : branches) {
        List<Element> conditions = children(branch, "conditionExpression");
        Matcher test = conditions.isEmpty() ? null : BRANCH.matcher(ownText(conditions.get(0)));
        if (test == null
            || !test.matches()
            || (variable != null && !variable.equals(test.group(1)))) {
          variable = null;
          break;
        }
        variable = test.group(1);
        covered.add(test.group(2));
      }
      CodeList list = variable == null ? null : codeVariables.get(variable);
      if (list == null) {
        continue;
      }
      compared(variable, file, "gateway " + gateway.getAttribute("id"));
      Set<String> missing = new LinkedHashSet<>(list.codes());
      missing.removeAll(covered);
      if (!missing.isEmpty()) {
        problem(
            file,
            "gateway "
                + gateway.getAttribute("id")
                + " decides on '"
                + variable
                + "' with no branch for "
                + missing
                + " of "
                + list
                + " and no default flow: a case with "
                + (missing.size() == 1 ? "that value" : "those values")
                + " would stop there");
      }
    }
  }

  // Decision tables -----------------------------------------------------------------------------

  private void checkDecisions(Path file) {
    Document model = xml(file);
    if (model == null) {
      return;
    }
    for (Element table : elementsNamed(model, "decisionTable")) {
      String decision = ((Element) table.getParentNode()).getAttribute("id");
      List<Element> inputs = children(table, "input");
      List<Element> outputs = children(table, "output");
      Map<Integer, String> inputVariables = new LinkedHashMap<>();
      for (int i = 0; i < inputs.size(); i++) {
        List<Element> expression = children(inputs.get(i), "inputExpression");
        List<Element> text = expression.isEmpty() ? List.of() : children(expression.get(0), "text");
        String variable = text.isEmpty() ? "" : ownText(text.get(0)).trim();
        if (codeVariables.containsKey(variable)) {
          inputVariables.put(i, variable);
          allowedValues(file, decision, variable, inputs.get(i), "inputValues");
        }
      }
      Map<Integer, String> outputVariables = new LinkedHashMap<>();
      for (int i = 0; i < outputs.size(); i++) {
        String variable = outputs.get(i).getAttribute("name");
        if (codeVariables.containsKey(variable)) {
          outputVariables.put(i, variable);
          allowedValues(file, decision, variable, outputs.get(i), "outputValues");
        }
      }
      for (Element rule : children(table, "rule")) {
        List<Element> inputEntries = children(rule, "inputEntry");
        List<Element> outputEntries = children(rule, "outputEntry");
        inputVariables.forEach(
            (column, variable) -> {
              if (column < inputEntries.size()) {
                entry(file, decision, rule, variable, inputEntries.get(column), "tests");
              }
            });
        outputVariables.forEach(
            (column, variable) -> {
              if (column < outputEntries.size()) {
                entry(file, decision, rule, variable, outputEntries.get(column), "gives");
              }
            });
      }
    }
  }

  private void entry(
      Path file, String decision, Element rule, String variable, Element entry, String how) {
    CodeList list = codeVariables.get(variable);
    List<Element> text = children(entry, "text");
    Matcher strings = FEEL_STRING.matcher(text.isEmpty() ? "" : ownText(text.get(0)));
    String where = decision + " rule " + rule.getAttribute("id");
    compared(variable, file, decision + (how.equals("gives") ? " output" : " input"));
    while (strings.find()) {
      if (!list.codes().contains(strings.group(1))) {
        problem(
            file,
            where
                + " "
                + how
                + " "
                + variable
                + " \""
                + strings.group(1)
                + "\", which is not in "
                + list);
      }
    }
  }

  /** A column's allowed values, when given, are the code list exactly. */
  private void allowedValues(
      Path file, String decision, String variable, Element column, String name) {
    for (Element allowed : children(column, name)) {
      List<Element> text = children(allowed, "text");
      Matcher strings = FEEL_STRING.matcher(text.isEmpty() ? "" : ownText(text.get(0)));
      Set<String> values = new LinkedHashSet<>();
      while (strings.find()) {
        values.add(strings.group(1));
      }
      CodeList list = codeVariables.get(variable);
      if (!values.equals(list.codes())) {
        problem(
            file,
            decision + ": the " + name + " of '" + variable + "' are " + values + ", not " + list);
      }
    }
  }

  // XML -----------------------------------------------------------------------------------------

  private Document xml(Path file) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(file.toFile());
    } catch (Exception e) {
      problem(file, "is not readable XML: " + e.getMessage());
      return null;
    }
  }

  /** The element and every element below it, in document order. */
  private static List<Element> elements(Element root) {
    List<Element> all = new ArrayList<>();
    all.add(root);
    NodeList below = root.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < below.getLength(); i++) {
      all.add((Element) below.item(i));
    }
    return all;
  }

  private static List<Element> elementsNamed(Document model, String localName) {
    List<Element> named = new ArrayList<>();
    NodeList nodes = model.getElementsByTagNameNS("*", localName);
    for (int i = 0; i < nodes.getLength(); i++) {
      named.add((Element) nodes.item(i));
    }
    return named;
  }

  private static List<Element> children(Element parent, String localName) {
    List<Element> named = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && localName.equals(element.getLocalName())) {
        named.add(element);
      }
    }
    return named;
  }

  private static String ownText(Element element) {
    StringBuilder text = new StringBuilder();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    return text.toString();
  }

  /** The id of the element, or of the nearest ancestor with one (a listener names its flow). */
  private static String where(Element element) {
    for (Node node = element; node instanceof Element candidate; node = node.getParentNode()) {
      if (!candidate.getAttribute("id").isEmpty()) {
        return candidate.getAttribute("id");
      }
    }
    return element.getLocalName();
  }
}
