package org.ehcflow.support.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ehcflow.support.browser.FormSchema.Field;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A Camunda Form as rendered by form-js inside Tasklist (a start form in its dialog, or a task's
 * form), filled in the way a person does it: typing, picking dates in British order, choosing from
 * lists. Checks what the person sees against the committed form: every field labelled as written,
 * every required field marked with an asterisk and, when left empty, told so in words.
 */
public final class FormPage {

  /** form-js's message under a required field left empty. */
  public static final String REQUIRED_MESSAGE = "Field is required.";

  private static final DateTimeFormatter BRITISH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final Browser browser;
  private final FormSchema schema;
  private final By scope;

  FormPage(Browser browser, FormSchema schema, By scope) {
    this.browser = browser;
    this.schema = schema;
    this.scope = scope;
    browser
        .await()
        .until(
            ExpectedConditions.presenceOfNestedElementLocatedBy(
                scope, By.cssSelector(".fjs-form")));
  }

  public FormSchema schema() {
    return schema;
  }

  public WebElement root() {
    return browser.driver().findElement(scope).findElement(By.cssSelector(".fjs-form"));
  }

  /** The rendered field of a key: its label, input, description and errors. */
  public WebElement field(String key) {
    List<WebElement> found =
        root()
            .findElements(
                By.cssSelector(
                    "[id$='-field_"
                        + key
                        + "'], [id$='-field_"
                        + key
                        + "-date'], [id$='-field_"
                        + key
                        + "-0']"));
    assertThat(found).as("field %s rendered in form %s", key, schema.id()).isNotEmpty();
    return found
        .get(0)
        .findElement(
            By.xpath("ancestor::div[contains(concat(' ', @class, ' '), ' fjs-form-field ')][1]"));
  }

  public boolean rendered(String key) {
    return !root()
        .findElements(
            By.cssSelector(
                "[id$='-field_"
                    + key
                    + "'], [id$='-field_"
                    + key
                    + "-date'], [id$='-field_"
                    + key
                    + "-0']"))
        .isEmpty();
  }

  /**
   * Every field a person can fill in shows the label written in the form, with the required marker
   * exactly where the form requires an answer; read-only case details are labelled too.
   */
  public FormPage assertLabelledAndRequiredMarked() {
    int checked = 0;
    for (Field field : schema.fields()) {
      if (!field.takesInput() || !rendered(field.key())) {
        continue;
      }
      WebElement rendered = field(field.key());
      List<WebElement> labels = rendered.findElements(By.cssSelector("label.fjs-form-field-label"));
      assertThat(labels).as("label of %s in %s", field.key(), schema.id()).isNotEmpty();
      WebElement label = labels.get(0);
      String text = label.getText().replace("*", "").trim();
      assertThat(text)
          .as("label of %s in %s", field.key(), schema.id())
          .isEqualTo(field.label().trim());
      boolean marked = !label.findElements(By.cssSelector(".fjs-asterix")).isEmpty();
      assertThat(marked)
          .as("required marker on %s in %s", field.key(), schema.id())
          .isEqualTo(field.required() && !field.disabled());
      checked++;
    }
    assertThat(checked).as("fields checked in %s", schema.id()).isPositive();
    return this;
  }

  /** The required fields a person can still fill in and has left empty. */
  public List<Field> emptyRequiredFields() {
    List<Field> empty = new ArrayList<>();
    for (Field field : schema.fields()) {
      if (field.required() && !field.disabled() && rendered(field.key()) && isEmpty(field)) {
        empty.add(field);
      }
    }
    return empty;
  }

  /** After a submit with required fields empty: each one says so, in words, under the field. */
  public FormPage assertEachEmptyRequiredFieldExplained(List<Field> empty) {
    assertThat(empty).as("required fields left empty in %s", schema.id()).isNotEmpty();
    for (Field field : empty) {
      WebElement rendered = field(field.key());
      browser
          .await()
          .until(
              ExpectedConditions.presenceOfNestedElementLocatedBy(
                  rendered, By.cssSelector(".fjs-form-field-error")));
      String message =
          rendered.findElement(By.cssSelector(".fjs-form-field-error")).getText().trim();
      assertThat(message)
          .as("message under empty required %s in %s", field.key(), schema.id())
          .isEqualTo(REQUIRED_MESSAGE);
    }
    return this;
  }

  /** Waits for the message under a field to read as expected, and returns it. */
  public String errorUnder(String key, String expected) {
    browser
        .await()
        .until(
            driver -> {
              List<WebElement> errors =
                  field(key).findElements(By.cssSelector(".fjs-form-field-error"));
              return !errors.isEmpty() && errors.get(0).getText().trim().equals(expected);
            });
    return field(key).findElement(By.cssSelector(".fjs-form-field-error")).getText().trim();
  }

  /**
   * Fills fields in the order given: text, numbers, dates (LocalDate or ISO text), choices by
   * value, ticks.
   */
  public FormPage fill(Map<String, ?> values) {
    // Choices first: they can show further fields (an email asked for only with some outcomes).
    values.forEach(
        (key, value) -> {
          if (isChoice(schema.field(key))) {
            fill(key, value);
          }
        });
    values.forEach(
        (key, value) -> {
          if (!isChoice(schema.field(key))) {
            fill(key, value);
          }
        });
    return this;
  }

  private static boolean isChoice(Field field) {
    return List.of("radio", "select", "checkbox", "checklist").contains(field.type());
  }

  public FormPage fill(String key, Object value) {
    Field field = schema.field(key);
    assertThat(field.disabled()).as("%s is read-only in %s", key, schema.id()).isFalse();
    switch (field.type()) {
      case "textfield", "textarea", "number" -> type(input(key), String.valueOf(value));
      case "datetime" -> {
        LocalDate date =
            value instanceof LocalDate given ? given : LocalDate.parse(String.valueOf(value));
        WebElement input = input(key + "-date");
        type(input, date.format(BRITISH));
      }
      case "checkbox" -> {
        WebElement box = input(key);
        if (box.isSelected() != Boolean.TRUE.equals(value)) {
          browser.scrollTo(box);
          box.click();
        }
      }
      case "radio" -> chooseByLabel(field, field.optionLabel(String.valueOf(value)));
      case "checklist" -> {
        for (Object each : (Iterable<?>) value) {
          chooseByLabel(field, field.optionLabel(String.valueOf(each)));
        }
      }
      case "select" -> {
        WebElement display =
            root().findElement(By.cssSelector("[id$='-field_" + key + "-display']"));
        browser.scrollTo(display);
        display.click();
        String label = field.optionLabel(String.valueOf(value));
        WebElement option =
            browser
                .await()
                .until(
                    ExpectedConditions.visibilityOfElementLocated(
                        By.xpath(
                            "//div[contains(@class,'fjs-dropdownlist-item') and normalize-space()="
                                + xpathLiteral(label)
                                + "]")));
        option.click();
      }
      default ->
          throw new IllegalArgumentException("No way to fill a " + field.type() + " (" + key + ")");
    }
    return this;
  }

  /** What a read-only field shows the person (the case details a task form displays). */
  public String shown(String key) {
    Field field = schema.field(key);
    return switch (field.type()) {
      case "datetime" -> input(key + "-date").getAttribute("value");
      case "radio" -> {
        for (WebElement option : field(key).findElements(By.cssSelector("input[type='radio']"))) {
          if (option.isSelected()) {
            yield optionText(key, option);
          }
        }
        yield "";
      }
      default -> input(key).getAttribute("value");
    };
  }

  private boolean isEmpty(Field field) {
    return switch (field.type()) {
      case "datetime" -> input(field.key() + "-date").getAttribute("value").isBlank();
      case "checkbox" -> !input(field.key()).isSelected();
      case "radio", "checklist" ->
          field(field.key()).findElements(By.cssSelector("input:checked")).isEmpty();
      case "select" ->
          field(field.key()).findElements(By.cssSelector(".fjs-select-placeholder")).size() > 0;
      default -> input(field.key()).getAttribute("value").isBlank();
    };
  }

  private void chooseByLabel(Field field, String label) {
    for (WebElement option :
        field(field.key())
            .findElements(By.cssSelector("input[type='radio'], input[type='checkbox']"))) {
      if (optionText(field.key(), option).equals(label)) {
        browser.scrollTo(option);
        if (!option.isSelected()) {
          option.click();
        }
        if (!option.isSelected()) {
          // form-js re-renders the group on focus; the person clicks the option's label again.
          String id = option.getAttribute("id");
          List<WebElement> labels =
              field(field.key()).findElements(By.cssSelector("label[for='" + id + "']"));
          (labels.isEmpty() ? option : labels.get(0)).click();
        }
        browser
            .await()
            .until(driver -> root().findElement(By.id(option.getAttribute("id"))).isSelected());
        return;
      }
    }
    throw new AssertionError(
        "No option labelled '" + label + "' for " + field.key() + " in " + schema.id());
  }

  private String optionText(String key, WebElement option) {
    String id = option.getAttribute("id");
    List<WebElement> labels = field(key).findElements(By.cssSelector("label[for='" + id + "']"));
    return labels.isEmpty()
        ? option.findElement(By.xpath("ancestor::label[1]")).getText().trim()
        : labels.get(0).getText().trim();
  }

  private WebElement input(String idSuffix) {
    return root().findElement(By.cssSelector("[id$='-field_" + idSuffix + "']"));
  }

  private void type(WebElement input, String text) {
    browser.scrollTo(input);
    input.click();
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(text);
    // Leaving the field is what makes form-js validate it. Not by Tab: that would open the next
    // field's drop-down list, which then swallows the next click.
    ((org.openqa.selenium.JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].blur();", input);
  }

  static String xpathLiteral(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }
}
