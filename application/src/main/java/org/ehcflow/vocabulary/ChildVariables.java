package org.ehcflow.vocabulary;

import java.time.LocalDate;

/**
 * The child's identity and the parent's address, which every pathway carries under the same names:
 * declared once here, and each pathway's declarations refer to them.
 */
public final class ChildVariables {

  /** The council's id for the child; one line, searched by value. */
  public static final Variable<String> CHILD_ID = Variable.text("childId");

  public static final Variable<String> CHILD_NAME = Variable.text("childName");
  public static final Variable<LocalDate> DATE_OF_BIRTH = Variable.date("dateOfBirth");

  /** Ten digits once checked and normalised; see {@link NhsNumber}. */
  public static final Variable<String> NHS_NUMBER = Variable.text("nhsNumber");

  public static final Variable<String> PARENT_EMAIL = Variable.text("parentEmail");

  private ChildVariables() {}
}
