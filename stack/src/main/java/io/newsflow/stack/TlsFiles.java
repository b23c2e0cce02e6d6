package io.newsflow.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * TLS material made on the spot with the JDK's keytool, for a local broker and its clients: a self-signed certificate
 * for 127.0.0.1 and localhost in a PKCS12 keystore, and a truststore holding it. Nothing to install and nothing
 * checked in: tests and local stacks make their own.
 */
public record TlsFiles(Path keystore, Path truststore, String password) {

    /** Makes a keystore and a truststore under {@code dir} (created if missing), both protected by {@code password}. */
    public static TlsFiles selfSigned(Path dir, String password) {
        if (password == null || password.length() < 6) throw new IllegalArgumentException("keytool needs a password of 6 characters or more");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        Path keystore = dir.resolve("broker.p12").toAbsolutePath();
        Path cert = dir.resolve("broker.crt").toAbsolutePath();
        Path truststore = dir.resolve("truststore.p12").toAbsolutePath();
        for (Path p : List.of(keystore, cert, truststore)) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot replace " + p, e);
            }
        }
        keytool(dir, "-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30",
                "-dname", "CN=localhost", "-ext", "SAN=IP:127.0.0.1,DNS:localhost", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", password, "-keypass", password);
        keytool(dir, "-exportcert", "-alias", "broker", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", password, "-rfc", "-file", cert.toString());
        keytool(dir, "-importcert", "-noprompt", "-alias", "broker", "-file", cert.toString(), "-keystore",
                truststore.toString(), "-storetype", "PKCS12", "-storepass", password);
        return new TlsFiles(keystore, truststore, password);
    }

    /** What a client needs to trust the broker: ssl.truststore.location, .password and .type. */
    public Properties clientProperties() {
        Properties p = new Properties();
        p.setProperty("ssl.truststore.location", truststore.toString());
        p.setProperty("ssl.truststore.password", password);
        p.setProperty("ssl.truststore.type", "PKCS12");
        return p;
    }

    /** What the broker needs: its keystore, and the truststore for its own (inter-broker) connections. */
    Properties brokerProperties() {
        Properties p = clientProperties();
        p.setProperty("ssl.keystore.location", keystore.toString());
        p.setProperty("ssl.keystore.password", password);
        p.setProperty("ssl.key.password", password);
        p.setProperty("ssl.keystore.type", "PKCS12");
        return p;
    }

    private static void keytool(Path dir, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool " + args[0] + " failed: " + out.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running keytool", e);
        }
    }
}
