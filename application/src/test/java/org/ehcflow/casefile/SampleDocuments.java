package org.ehcflow.casefile;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Real documents of each kind, made here, so the tests never depend on files of unknown origin. */
public final class SampleDocuments {

  private SampleDocuments() {}

  /** A one-page PDF saying {@code text}. */
  public static byte[] pdf(String text) {
    return pdf(text, false);
  }

  public static byte[] encryptedPdf(String text) {
    return pdf(text, true);
  }

  private static byte[] pdf(String text, boolean encrypted) {
    try (PDDocument document = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(72, 700);
        content.showText(text);
        content.endText();
      }
      if (encrypted) {
        StandardProtectionPolicy policy =
            new StandardProtectionPolicy("owner-secret", "reader-secret", new AccessPermission());
        policy.setEncryptionKeyLength(128);
        document.protect(policy);
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A real PDF of about {@code bytes} bytes: one page, and an attached data file of random bytes as
   * its bulk.
   */
  public static byte[] largePdf(int bytes) {
    byte[] data = new byte[bytes];
    new Random(bytes).nextBytes(data);
    try (PDDocument document = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes + 4096)) {
      document.addPage(new PDPage());
      PDEmbeddedFile embedded = new PDEmbeddedFile(document, new ByteArrayInputStream(data));
      embedded.setSize(bytes);
      PDComplexFileSpecification file = new PDComplexFileSpecification();
      file.setFile("measurements.bin");
      file.setEmbeddedFile(embedded);
      PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
      files.setNames(Map.of("measurements.bin", file));
      PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
      names.setEmbeddedFiles(files);
      document.getDocumentCatalog().setNames(names);
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] docx(String text) {
    return zip(
        Map.of(
            "[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>",
            "_rels/.rels",
                "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>",
            "word/document.xml",
                "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                    + "<w:body><w:p><w:r><w:t>"
                    + text
                    + "</w:t></w:r></w:p></w:body></w:document>"),
        null);
  }

  /** An Office package that is a spreadsheet, not a Word document. */
  public static byte[] xlsx() {
    return zip(
        Map.of(
            "[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>",
            "_rels/.rels",
                "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
            "xl/workbook.xml",
                "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>"),
        null);
  }

  public static byte[] odt(String text, boolean encrypted) {
    return zip(
        Map.of(
            "content.xml",
                "<?xml version=\"1.0\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\">"
                    + "<office:body><office:text>"
                    + text
                    + "</office:text></office:body></office:document-content>",
            "META-INF/manifest.xml",
                "<?xml version=\"1.0\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
                    + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\">"
                    + (encrypted
                        ? "<manifest:encryption-data manifest:checksum-type=\"SHA1/1K\"/>"
                        : "")
                    + "</manifest:file-entry></manifest:manifest>"),
        "application/vnd.oasis.opendocument.text");
  }

  public static byte[] plainZip() {
    return zip(Map.of("notes.txt", "not a document"), null);
  }

  public static byte[] png() {
    return image("png");
  }

  public static byte[] jpeg() {
    return image("jpeg");
  }

  /** The start of a Linux executable: what a renamed program looks like inside. */
  public static byte[] executable() {
    byte[] elf = new byte[4096];
    byte[] header = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};
    System.arraycopy(header, 0, elf, 0, header.length);
    return elf;
  }

  /** A Windows program's start ("MZ"): what a renamed .exe looks like inside. */
  public static byte[] windowsProgram() {
    byte[] exe = new byte[4096];
    exe[0] = 'M';
    exe[1] = 'Z';
    exe[0x3c] = (byte) 0x80;
    exe[0x80] = 'P';
    exe[0x81] = 'E';
    return exe;
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] image(String format) {
    BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    image.setRGB(5, 5, 0xff0000);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(image, format, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A zip, its first entry {@code mimetype} stored uncompressed when given (as OpenDocument
   * requires).
   */
  private static byte[] zip(Map<String, String> entries, String mimetype) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream();
        ZipOutputStream zip = new ZipOutputStream(out)) {
      if (mimetype != null) {
        byte[] bytes = mimetype.getBytes(StandardCharsets.US_ASCII);
        ZipEntry entry = new ZipEntry("mimetype");
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
      }
      for (Map.Entry<String, String> entry : new java.util.TreeMap<>(entries).entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
      zip.finish();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
