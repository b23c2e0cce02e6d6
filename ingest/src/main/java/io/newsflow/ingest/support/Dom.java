package io.newsflow.ingest.support;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;

/** Small namespace-agnostic DOM navigation: wire formats are matched on local names. */
public final class Dom {
    private Dom() {}

    public static String localName(Node n) {
        String l = n.getLocalName();
        if (l != null) return l;
        String name = n.getNodeName();
        int c = name.indexOf(':');
        return c < 0 ? name : name.substring(c + 1);
    }

    public static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        if (parent == null) return out;
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && (localName == null || localName.equals(localName(e)))) out.add(e);
        }
        return out;
    }

    public static Element child(Element parent, String localName) {
        List<Element> l = children(parent, localName);
        return l.isEmpty() ? null : l.get(0);
    }

    /** First descendant (depth-first) with that local name, or null. */
    public static Element descendant(Element parent, String localName) {
        if (parent == null) return null;
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                if (localName.equals(localName(e))) return e;
                Element d = descendant(e, localName);
                if (d != null) return d;
            }
        }
        return null;
    }

    public static List<Element> descendants(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        collect(parent, localName, out);
        return out;
    }

    private static void collect(Element parent, String localName, List<Element> out) {
        if (parent == null) return;
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                if (localName.equals(localName(e))) out.add(e);
                collect(e, localName, out);
            }
        }
    }

    /** Text content whitespace-collapsed, or null. */
    public static String text(Element e) {
        return e == null ? null : Texts.clean(e.getTextContent());
    }

    public static String childText(Element parent, String localName) {
        return text(child(parent, localName));
    }

    public static String attr(Element e, String name) {
        if (e == null || !e.hasAttribute(name)) return null;
        return Texts.clean(e.getAttribute(name));
    }
}
