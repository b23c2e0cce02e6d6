package io.newsflow.ingest.support;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the charset of a document and decodes it: BOM, then the document's own declaration (XML
 * declaration or HTML meta), then the Content-Type charset, then strict UTF-8, then windows-1252
 * (a superset of Latin-1's printable range: feeds without a declaration are most often Latin-1).
 */
public final class Charsets {
    private Charsets() {}

    private static final Pattern XML_DECL_ENCODING =
            Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Pattern META_CHARSET =
            Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Decodes a document of any declared or undeclared charset; never fails, but may repair (see {@link Decoded#repaired()}). */
    public static Decoded decode(byte[] bytes, String contentTypeCharset) {
        int bomLen = 0;
        Charset bom = null;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            bom = StandardCharsets.UTF_8; bomLen = 3;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            bom = StandardCharsets.UTF_16BE; bomLen = 2;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            bom = StandardCharsets.UTF_16LE; bomLen = 2;
        }
        if (bom != null) {
            return lenient(bytes, bomLen, bom, "bom");
        }
        // the declaration is ASCII in every ASCII-compatible charset: read the head as Latin-1 to find it
        String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.ISO_8859_1);
        Charset declared = null;
        String how = null;
        Matcher m = XML_DECL_ENCODING.matcher(head);
        if (m.find()) {
            declared = lookup(m.group(1));
            how = "xml-declaration";
        } else {
            Matcher mm = META_CHARSET.matcher(head);
            if (mm.find()) {
                declared = lookup(mm.group(1));
                how = "meta";
            }
        }
        if (declared == null && contentTypeCharset != null) {
            declared = lookup(contentTypeCharset);
            how = "content-type";
        }
        if (declared != null && !declared.equals(StandardCharsets.UTF_8) && singleByte(declared) && hasNonAscii(bytes)) {
            // a single-byte charset declared over bytes that are valid multi-byte UTF-8: the declaration is
            // wrong (a common authoring slip); real Latin-1/1251 text practically never forms valid UTF-8
            try {
                return new Decoded(strict(bytes, StandardCharsets.UTF_8), "UTF-8", "utf-8 (declared " + declared.name() + ")", false);
            } catch (CharacterCodingException e) {
                // not UTF-8: the declaration stands
            }
        }
        if (declared != null && !declared.equals(StandardCharsets.UTF_8)) {
            // ISO-8859-1 is declared for windows-1252 text all the time; 1252 decodes every Latin-1 text the same
            if (declared.equals(StandardCharsets.ISO_8859_1) || declared.name().equalsIgnoreCase("US-ASCII")) {
                declared = WINDOWS_1252;
            }
            return lenient(bytes, 0, declared, how);
        }
        try {
            return new Decoded(strict(bytes, StandardCharsets.UTF_8), "UTF-8", declared != null ? how : "utf-8", false);
        } catch (CharacterCodingException e) {
            if (declared != null) {
                // declared UTF-8 but is not: keep every character we can rather than lose the document
                return lenient(bytes, 0, StandardCharsets.UTF_8, how);
            }
            return new Decoded(new String(bytes, WINDOWS_1252), WINDOWS_1252.name(), "fallback", false);
        }
    }

    /**
     * Strict UTF-8 (JSON has no other encoding), naming the byte offset of the first bad sequence.
     *
     * @throws IllegalArgumentException "invalid UTF-8 at byte N"
     */
    public static String strictUtf8(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        // the String constructor decodes with the JDK's vectorised UTF-8 path and replaces every malformed sequence
        // by U+FFFD: without one in the result, the bytes were valid; with one, the strict decoder decides and names the byte
        String fast = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) return fast;
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        var result = dec.decode(in, out, true);
        if (result.isError()) {
            throw new IllegalArgumentException("invalid UTF-8 at byte " + in.position() + " (line " + lineAt(bytes, in.position()) + ")");
        }
        dec.flush(out);
        out.flip();
        return out.toString();
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) if (bytes[i] == '\n') line++;
        return line;
    }

    private static String strict(byte[] bytes, Charset cs) throws CharacterCodingException {
        CharsetDecoder dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        return dec.decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static Decoded lenient(byte[] bytes, int offset, Charset cs, String how) {
        CharsetDecoder dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return new Decoded(dec.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString(), cs.name(), how, false);
        } catch (MalformedInputException | java.nio.charset.UnmappableCharacterException e) {
            return new Decoded(new String(bytes, offset, bytes.length - offset, cs), cs.name(), how, true);
        } catch (CharacterCodingException e) {
            return new Decoded(new String(bytes, offset, bytes.length - offset, cs), cs.name(), how, true);
        }
    }

    private static boolean singleByte(Charset cs) {
        try {
            return cs.canEncode() && cs.newEncoder().maxBytesPerChar() == 1.0f;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    private static boolean hasNonAscii(byte[] bytes) {
        for (byte b : bytes) if (b < 0) return true;
        return false;
    }

    private static Charset lookup(String name) {
        try {
            return Charset.forName(name.trim().toLowerCase(Locale.ROOT));
        } catch (RuntimeException e) {
            return null; // unknown or illegal name: fall back to sniffing
        }
    }
}
