package org.ehcflow.documents;

/**
 * The sections of an EHC plan, in the order and with the headings the SEND Code of Practice (9.62)
 * sets out for regulation 12(1) of the SEND Regulations 2014. Each section is separate from the
 * others, and every plan has all of them.
 */
public enum PlanSection {
  A("A", "The views, interests and aspirations of the child and their parents or the young person"),
  B("B", "The child or young person's special educational needs"),
  C("C", "The child or young person's health care needs which relate to their SEN or disability"),
  D("D", "The child or young person's social care needs which relate to their SEN or disability"),
  E("E", "The outcomes sought for the child or young person"),
  F("F", "The special educational provision required by the child or young person"),
  G(
      "G",
      "Any health care provision reasonably required by the learning difficulties or disabilities"
          + " which result in the child or young person having SEN"),
  H1(
      "H1",
      "Any social care provision which must be made for the child or young person under"
          + " section 2 of the Chronically Sick and Disabled Persons Act 1970"),
  H2(
      "H2",
      "Any other social care provision reasonably required by the learning difficulties or"
          + " disabilities which result in the child or young person having SEN"),
  I(
      "I",
      "The name and type of the school, maintained nursery school, post-16 institution or other"
          + " institution to be attended by the child or young person"),
  J(
      "J",
      "Where there is a Personal Budget, the details of how the Personal Budget will support"
          + " particular outcomes"),
  K("K", "The advice and information gathered during the EHC needs assessment");

  private final String letter;
  private final String heading;

  PlanSection(String letter, String heading) {
    this.letter = letter;
    this.heading = heading;
  }

  public String letter() {
    return letter;
  }

  public String heading() {
    return heading;
  }

  /** As the plan heads it: "Section B: The child or young person's special educational needs". */
  public String title() {
    return "Section " + letter + ": " + heading;
  }
}
