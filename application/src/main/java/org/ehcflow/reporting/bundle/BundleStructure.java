package org.ehcflow.reporting.bundle;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * The bundle's structure tree, so a screen reader can read the bundle as it reads each of its
 * parts: the title page and index, the chronology, the letters and the plans are rendered tagged,
 * and their structure comes into the bundle's under one Document, each as a Part, pointing at the
 * bundle's pages. An image page is a Figure with the document's title as its alternative text. An
 * uploaded PDF comes as it was made: tagged or not, its structure is not merged (a reader still
 * reads its text in page order).
 *
 * <p>Pages are copied into the bundle as new page dictionaries that share the source's content, so
 * the source's structure elements, which name their page, are re-pointed to the copies, and each
 * copied page's key into the parent tree (which maps marked content back to its element) moves up
 * past the keys of the parts before it.
 */
final class BundleStructure {

  private static final COSName STRUCT_ELEM = COSName.getPDFName("StructElem");
  private static final COSName MCR = COSName.getPDFName("MCR");
  private static final COSName OBJR = COSName.getPDFName("OBJR");
  private static final COSName PART = COSName.getPDFName("Part");
  private static final COSName FIGURE = COSName.getPDFName("Figure");
  private static final COSName DOCUMENT = COSName.getPDFName("Document");
  private static final COSName ROLE_MAP = COSName.getPDFName("RoleMap");
  private static final COSName PARENT_TREE_NEXT_KEY = COSName.getPDFName("ParentTreeNextKey");

  private final COSDictionary document = new COSDictionary();
  private final COSArray parts = new COSArray();
  private final TreeMap<Integer, COSBase> parentTree = new TreeMap<>();
  private final COSDictionary roleMap = new COSDictionary();
  private final Map<PDDocument, Map<COSDictionary, COSDictionary>> copied = new LinkedHashMap<>();

  /** The sources and figures in the order their pages came: the reading order of the parts. */
  private final List<Object> order = new ArrayList<>();

  private int nextKey;

  BundleStructure() {
    document.setItem(COSName.TYPE, STRUCT_ELEM);
    document.setItem(COSName.S, DOCUMENT);
    document.setItem(COSName.K, parts);
  }

  /** A page of {@code source} was copied into the bundle as {@code copy}. */
  void copied(PDDocument source, PDPage page, PDPage copy) {
    copied
        .computeIfAbsent(
            source,
            first -> {
              order.add(first);
              return new IdentityHashMap<>();
            })
        .put(page.getCOSObject(), copy.getCOSObject());
  }

  /**
   * An image page: its content, drawn inside one marked-content sequence with {@code mcid} 0, is a
   * Figure whose alternative text is the document's title.
   */
  void figure(PDPage page, String alternative) {
    COSDictionary figure = new COSDictionary();
    figure.setItem(COSName.TYPE, STRUCT_ELEM);
    figure.setItem(COSName.S, FIGURE);
    figure.setItem(COSName.P, document);
    figure.setItem(COSName.PG, page.getCOSObject());
    figure.setString(COSName.ALT, alternative);
    figure.setItem(COSName.K, COSInteger.get(0));
    int key = nextKey++;
    page.getCOSObject().setInt(COSName.STRUCT_PARENTS, key);
    COSArray marked = new COSArray();
    marked.add(figure);
    parentTree.put(key, marked);
    order.add(figure);
  }

  /** The properties that open an image page's marked content, as {@link #figure} expects them. */
  static COSDictionary figureContent() {
    COSDictionary properties = new COSDictionary();
    properties.setInt(COSName.MCID, 0);
    return properties;
  }

  /**
   * Takes in the structure of every tagged source in the order its pages came, and marks the bundle
   * as tagged, titled in the reader's window.
   */
  void finish(PDDocument bundle) {
    for (Object part : order) {
      if (part instanceof PDDocument source) {
        adopt(source, copied.get(source));
      } else {
        parts.add((COSDictionary) part);
      }
    }
    COSDictionary root = new COSDictionary();
    root.setItem(COSName.TYPE, COSName.STRUCT_TREE_ROOT);
    COSArray top = new COSArray();
    top.add(document);
    root.setItem(COSName.K, top);
    document.setItem(COSName.P, root);
    COSArray numbers = new COSArray();
    parentTree.forEach(
        (key, value) -> {
          numbers.add(COSInteger.get(key));
          numbers.add(value);
        });
    COSDictionary tree = new COSDictionary();
    tree.setItem(COSName.NUMS, numbers);
    root.setItem(COSName.PARENT_TREE, tree);
    root.setInt(PARENT_TREE_NEXT_KEY, nextKey);
    if (roleMap.size() > 0) {
      root.setItem(ROLE_MAP, roleMap);
    }
    bundle.getDocumentCatalog().setStructureTreeRoot(new PDStructureTreeRoot(root));
    PDMarkInfo mark = new PDMarkInfo();
    mark.setMarked(true);
    bundle.getDocumentCatalog().setMarkInfo(mark);
    PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
    preferences.setDisplayDocTitle(true);
    bundle.getDocumentCatalog().setViewerPreferences(preferences);
  }

  private void adopt(PDDocument source, Map<COSDictionary, COSDictionary> pages) {
    PDStructureTreeRoot sourceRoot = source.getDocumentCatalog().getStructureTreeRoot();
    if (sourceRoot == null) {
      return;
    }
    COSDictionary sourceTree = sourceRoot.getCOSObject();
    int offset = nextKey;
    Map<Integer, COSBase> entries = new TreeMap<>();
    collectNumbers(sourceTree.getCOSDictionary(COSName.PARENT_TREE), entries);
    int highest = -1;
    for (Map.Entry<Integer, COSBase> entry : entries.entrySet()) {
      parentTree.put(entry.getKey() + offset, entry.getValue());
      highest = Math.max(highest, entry.getKey());
    }
    for (Map.Entry<COSDictionary, COSDictionary> page : pages.entrySet()) {
      int key = page.getKey().getInt(COSName.STRUCT_PARENTS, -1);
      if (key >= 0) {
        page.getValue().setInt(COSName.STRUCT_PARENTS, key + offset);
        highest = Math.max(highest, key);
      }
    }
    nextKey = offset + highest + 1;
    COSDictionary sourceRoles = sourceTree.getCOSDictionary(ROLE_MAP);
    if (sourceRoles != null) {
      for (COSName role : sourceRoles.keySet()) {
        if (!roleMap.containsKey(role)) {
          roleMap.setItem(role, sourceRoles.getDictionaryObject(role));
        }
      }
    }
    for (COSDictionary element : elements(sourceTree.getDictionaryObject(COSName.K))) {
      if (DOCUMENT.equals(element.getCOSName(COSName.S))) {
        element.setItem(COSName.S, PART);
      }
      element.setItem(COSName.P, document);
      repoint(element, pages);
      parts.add(element);
    }
  }

  /** Points an element and everything under it at the bundle's copies of its pages. */
  private static void repoint(COSDictionary element, Map<COSDictionary, COSDictionary> pages) {
    List<COSDictionary> pending = new ArrayList<>();
    pending.add(element);
    while (!pending.isEmpty()) {
      COSDictionary current = pending.remove(pending.size() - 1);
      COSDictionary page = pageOf(current);
      if (page != null) {
        COSDictionary copy = pages.get(page);
        if (copy != null) {
          current.setItem(COSName.PG, copy);
        } else {
          current.removeItem(COSName.PG);
        }
      }
      COSBase kids = current.getDictionaryObject(COSName.K);
      if (kids instanceof COSArray array) {
        for (int i = array.size() - 1; i >= 0; i--) {
          COSBase kid = array.getObject(i);
          if (kid instanceof COSDictionary dictionary) {
            if (OBJR.equals(dictionary.getCOSName(COSName.TYPE))) {
              // the annotation it names (a link) is not carried into the bundle
              array.remove(i);
            } else {
              pending.add(dictionary);
            }
          }
        }
      } else if (kids instanceof COSDictionary dictionary) {
        if (OBJR.equals(dictionary.getCOSName(COSName.TYPE))) {
          current.removeItem(COSName.K);
        } else {
          pending.add(dictionary);
        }
      }
    }
  }

  private static COSDictionary pageOf(COSDictionary element) {
    COSBase page = element.getItem(COSName.PG);
    if (page instanceof COSObject object) {
      page = object.getObject();
    }
    return page instanceof COSDictionary dictionary ? dictionary : null;
  }

  private static List<COSDictionary> elements(COSBase kids) {
    List<COSDictionary> elements = new ArrayList<>();
    if (kids instanceof COSObject object) {
      kids = object.getObject();
    }
    if (kids instanceof COSDictionary dictionary) {
      elements.add(dictionary);
    } else if (kids instanceof COSArray array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.getObject(i) instanceof COSDictionary dictionary) {
          elements.add(dictionary);
        }
      }
    }
    return elements;
  }

  /** The entries of a number tree, its kids' included. */
  private static void collectNumbers(COSDictionary node, Map<Integer, COSBase> into) {
    if (node == null) {
      return;
    }
    COSArray numbers = node.getCOSArray(COSName.NUMS);
    if (numbers != null) {
      for (int i = 0; i + 1 < numbers.size(); i += 2) {
        if (numbers.getObject(i) instanceof COSInteger key) {
          into.put(key.intValue(), numbers.get(i + 1));
        }
      }
    }
    COSArray kids = node.getCOSArray(COSName.KIDS);
    if (kids != null) {
      for (int i = 0; i < kids.size(); i++) {
        if (kids.getObject(i) instanceof COSDictionary kid) {
          collectNumbers(kid, into);
        }
      }
    }
  }
}
