package io.newsflow.frontpage.render;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/** Escaping for text and attribute values, and the path segment an article id is linked under. */
public final class Html {
    /** Ids made only of these characters are linked as they are; anything else (slashes, spaces) is encoded. */
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,200}");
    /** Marks an encoded id; '~' never starts a plain one. */
    private static final String ENCODED_PREFIX = "~";

    private Html() {}

    /** Text and attribute values alike: the five characters that can end an element or a quoted attribute. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (replacement == null && Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r') {
                replacement = ""; // control characters are not allowed in HTML text
            }
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(replacement);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * The path segment for an article id. Ids are often URIs ("urn:...", "https://.../x"); a slash, even
     * percent-encoded, is refused by Jetty as an ambiguous path separator, so such ids go base64url-encoded.
     */
    public static String idSegment(String id) {
        if (PLAIN_ID.matcher(id).matches()) {
            return id;
        }
        return ENCODED_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
    }

    /** The article id behind a path segment made by {@link #idSegment}; a plain segment is the id itself. */
    public static String idFromSegment(String segment) {
        if (segment.startsWith(ENCODED_PREFIX)) {
            try {
                return new String(Base64.getUrlDecoder().decode(segment.substring(1)), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return segment;
            }
        }
        return segment;
    }
}
