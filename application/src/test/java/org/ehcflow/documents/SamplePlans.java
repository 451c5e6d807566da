package org.ehcflow.documents;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Plans to render without the application: a full sample plan, and the renderer as the application
 * builds it, for the screenshots, the benchmark and the rendering tests.
 */
public final class SamplePlans {

  private SamplePlans() {}

  public static CouncilProperties council(String logo) {
    return new CouncilProperties(
        "Example Council",
        "Town Hall, 1 Market Street, Exampleton EX1 1AA",
        logo,
        "send@example.gov.uk",
        "01234 567890",
        new CouncilProperties.Sendiass(
            "Example SENDIASS", "01234 567891", "https://sendiass.example.org.uk"));
  }

  /** PlanDocuments that render only (no store), with the council's logo at {@code logo}. */
  public static PlanDocuments renderer(String logo) {
    CouncilProperties council = council(logo);
    return new PlanDocuments(
        new Templates(),
        new PdfRenderer(),
        council,
        new CouncilLogo(council, new DefaultResourceLoader()),
        null,
        false);
  }

  public static PlanContent plan(Map<PlanSection, String> sections) {
    return new PlanContent(
        "C-SAMPLE-1",
        "Amelia Jones",
        LocalDate.of(2016, 3, 14),
        "943 476 5919",
        LocalDate.of(2026, 4, 1),
        sections,
        "Oak Hill School (mainstream primary academy)",
        null,
        List.of(
            new PlanContent.Advice(
                "Psychological advice and information from an educational psychologist",
                "Dr Priya Shah, Educational Psychologist",
                LocalDate.of(2026, 3, 18),
                List.of("EP report.pdf (Psychological advice)")),
            new PlanContent.Advice(
                "Medical advice and information from health care professionals",
                "Community Paediatrics",
                LocalDate.of(2026, 3, 20),
                List.of("Paediatric letter.pdf", "Sensory assessment.docx")),
            new PlanContent.Advice(
                "Advice and information in relation to social care",
                "Children's Social Care",
                LocalDate.of(2026, 3, 20),
                List.of())));
  }

  /** A plan as a caseworker would write it, with text in most sections. */
  public static Map<PlanSection, String> sections() {
    Map<PlanSection, String> sections = new EnumMap<>(PlanSection.class);
    sections.put(
        PlanSection.A,
        "Amelia loves drawing, animals and building things with Lego. She says: \"I like it when"
            + " I know what is happening next and when it is quiet.\"\n\n"
            + "Her parents would like her to make friends, to read for pleasure and to feel safe"
            + " and happy at school. In the longer term they hope she will be independent.");
    sections.put(
        PlanSection.B,
        "Communication and interaction: Amelia has a diagnosis of autism. She finds unstructured"
            + " times and changes to routine hard, and needs time to process spoken language.\n\n"
            + "Cognition and learning: her reading is about two years behind her age; her"
            + " phonological awareness is weak (EP report, March 2026).");
    sections.put(
        PlanSection.C,
        "Amelia has mild asthma, managed with an inhaler at school. Sensory sensitivity to noise.");
    sections.put(
        PlanSection.E,
        "By the end of Key Stage 2 Amelia will read a book of her choice for 10 minutes"
            + " independently.\nBy July 2027 she will ask an adult for help when she needs it.");
    sections.put(
        PlanSection.F,
        "Daily structured literacy teaching, 20 minutes, one to one, by a trained teaching"
            + " assistant, overseen by the SENCo.\n\n"
            + "A visual timetable and advance warning of changes, every day.\n\n"
            + "Speech and language therapy: 6 sessions a term, delivered by the NHS therapist.");
    sections.put(PlanSection.G, "Annual review of her asthma plan by the school nurse.");
    sections.put(PlanSection.K, "The advice listed below was considered in writing this plan.");
    return sections;
  }
}
