package io.newsflow.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test fixtures from src/test/resources/fixtures (see the NOTICE.md there). */
public final class Fixtures {
    private Fixtures() {}

    public static byte[] bytes(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Document doc(String path) {
        return new Document(path, null, bytes(path));
    }

    public static Document doc(String path, String contentType) {
        return new Document(path, contentType, bytes(path));
    }
}
