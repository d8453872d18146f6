package org.agentry.tool.control;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * The readable text of an HTML page, parsed by jsoup (WHATWG HTML parsing): the title, then the
 * text of the body with one line per block element; scripts, styles, templates and other
 * non-content elements are dropped.
 */
final class HtmlText {

  private static final String DROPPED =
      "script, style, noscript, template, svg, iframe, object, head";
  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "br",
          "li",
          "tr",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "pre",
          "blockquote",
          "section",
          "article",
          "header",
          "footer",
          "nav",
          "main",
          "aside",
          "table",
          "ul",
          "ol",
          "dl",
          "dt",
          "dd",
          "hr",
          "form",
          "figure",
          "figcaption",
          "address");

  private HtmlText() {}

  /**
   * @param html the page's bytes
   * @param charset the charset the response declared, or null to detect it from the page
   * @param baseUri the page's URL
   */
  static String of(byte[] html, String charset, String baseUri) {
    org.jsoup.nodes.Document document;
    try {
      document = Jsoup.parse(new ByteArrayInputStream(html), charset, baseUri);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var title = document.title();
    document.select(DROPPED).remove();
    var text = new StringBuilder();
    document.body().traverse(new Lines(text));
    var body = text.toString().replaceAll("[ \\t]*\\n[ \\t\\n]*", "\n").strip();
    return title.isBlank() ? body : "# " + title.strip() + "\n\n" + body;
  }

  private record Lines(StringBuilder text) implements NodeVisitor {
    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode textNode) {
        text.append(textNode.text().replaceAll("\\s+", " "));
      } else if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
        text.append('\n');
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
        text.append('\n');
      }
    }
  }
}
