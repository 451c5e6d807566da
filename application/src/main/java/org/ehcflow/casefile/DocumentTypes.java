package org.ehcflow.casefile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.springframework.stereotype.Component;

/**
 * What a document is, from its bytes alone: its name is whatever the sender's computer called it,
 * so an executable renamed {@code report.pdf} is still an executable. Tika reads the signatures
 * (and, with its zip module, recognises an OpenDocument text and an Office Open XML package); an
 * Office package is a Word document only if it declares Word's main part, which Tika's core leaves
 * to the much larger Office module. An encrypted document is refused: nobody at the council could
 * open it without a password the sender kept, and it cannot go into a bundle.
 */
@Component
public class DocumentTypes {

  public static final String PDF = "application/pdf";
  public static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  public static final String ODT = "application/vnd.oasis.opendocument.text";
  public static final String JPEG = "image/jpeg";
  public static final String PNG = "image/png";
  public static final List<String> RECOGNISED = List.of(PDF, DOCX, ODT, JPEG, PNG);

  private static final Map<String, String> NAMES =
      Map.of(
          PDF,
          "PDF",
          DOCX,
          "Word (DOCX)",
          ODT,
          "OpenDocument text (ODT)",
          JPEG,
          "JPEG image",
          PNG,
          "PNG image");
  private static final String OFFICE_PACKAGE = "application/x-tika-ooxml";
  private static final String OLD_OFFICE_CONTAINER = "application/x-tika-msoffice";
  private static final String WORD_MAIN_PART =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

  /** The part of a package read to tell what it is: a manifest, never a document's body. */
  private static final int MAX_MANIFEST_BYTES = 1 << 20;

  private final Detector detector = TikaConfig.getDefaultConfig().getDetector();

  /** Names a list of types as people know them: "PDF, Word (DOCX), ...". */
  public static String describe(List<String> types) {
    return String.join(", ", types.stream().map(type -> NAMES.getOrDefault(type, type)).toList());
  }

  /**
   * @return the document's content type, one of {@code accepted}
   * @throws DocumentRefused (400, {@code file}) for any other content, or an encrypted document
   */
  public String check(byte[] content, List<String> accepted) {
    String type = recognise(content);
    if (!accepted.contains(type)) {
      String hint =
          OLD_OFFICE_CONTAINER.equals(type)
              ? " An older Word document (.doc) or a password-protected one: save it as DOCX or PDF without a password."
              : "";
      throw new DocumentRefused(
          400,
          "file",
          "The file is not one of the accepted types ("
              + describe(accepted)
              + "): its content is "
              + type
              + "."
              + hint);
    }
    encryption(type, content)
        .ifPresent(
            problem -> {
              throw new DocumentRefused(400, "file", problem);
            });
    return type;
  }

  String recognise(byte[] content) {
    String type;
    try (InputStream in = TikaInputStream.get(content)) {
      type = detector.detect(in, new Metadata()).getBaseType().toString();
    } catch (IOException e) {
      throw new DocumentRefused(400, "file", "The file cannot be read: " + e.getMessage());
    }
    if (OFFICE_PACKAGE.equals(type) || DOCX.equals(type)) {
      return manifest(content, "[Content_Types].xml")
              .filter(types -> types.contains(WORD_MAIN_PART))
              .isPresent()
          ? DOCX
          : OFFICE_PACKAGE;
    }
    return type;
  }

  private Optional<String> encryption(String type, byte[] content) {
    if (PDF.equals(type)) {
      try (PDDocument pdf = Loader.loadPDF(content)) {
        return pdf.isEncrypted() ? Optional.of(encrypted("PDF")) : Optional.empty();
      } catch (InvalidPasswordException locked) {
        return Optional.of(encrypted("PDF"));
      } catch (IOException unreadable) {
        return Optional.of(
            "The PDF cannot be opened ("
                + unreadable.getMessage()
                + "): it may be damaged or incomplete.");
      }
    }
    if (ODT.equals(type)) {
      return manifest(content, "META-INF/manifest.xml")
          .filter(manifest -> manifest.contains("encryption-data"))
          .map(found -> encrypted("OpenDocument"));
    }
    return Optional.empty();
  }

  private static String encrypted(String kind) {
    return "The "
        + kind
        + " is password-protected or encrypted: save it without protection and attach it again.";
  }

  private static Optional<String> manifest(byte[] content, String entryName) {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (entry.getName().equals(entryName)) {
          byte[] text = zip.readNBytes(MAX_MANIFEST_BYTES);
          return Optional.of(new String(text, StandardCharsets.UTF_8));
        }
      }
      return Optional.empty();
    } catch (IOException | IllegalArgumentException unreadable) {
      return Optional.empty();
    }
  }
}
