package io.newsflow.ingest.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Gzip-compressed documents (files, request bodies), bounded so a small bomb cannot fill memory. */
public final class Gzip {
    private Gzip() {}

    public static boolean isGzip(byte[] b) {
        return b.length >= 2 && (b[0] & 0xFF) == 0x1F && (b[1] & 0xFF) == 0x8B;
    }

    /** Gunzips when the bytes carry the gzip magic, else returns them; refuses more than maxBytes either way. */
    public static byte[] maybeGunzip(byte[] bytes, long maxBytes) throws IOException {
        if (!isGzip(bytes)) {
            if (bytes.length > maxBytes) throw new DocumentTooLargeException("document too large: " + bytes.length + " bytes (limit " + maxBytes + ")");
            return bytes;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return readBounded(in, maxBytes);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new IllegalArgumentException("corrupt gzip data: " + e.getMessage());
        }
    }

    /** Reads the stream to the end, refusing ({@link DocumentTooLargeException}) once it passes maxBytes. */
    public static byte[] readBounded(InputStream in, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16384];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > maxBytes) throw new DocumentTooLargeException("document too large: more than " + maxBytes + " bytes uncompressed");
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
