package io.newsflow.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real schema registry speaking Confluent's REST API: Apicurio Registry 2.4.2 (built by the registry module) as a
 * child JVM bound to 127.0.0.1, with the global compatibility set to BACKWARD like Confluent's default.
 *
 * <pre>{@code
 * try (LocalSchemaRegistry registry = LocalSchemaRegistry.builder().workDir(dir).start()) {
 *     String url = registry.url();   // http://127.0.0.1:PORT/apis/ccompat/v7, for schema.registry.url
 * }
 * }</pre>
 */
public final class LocalSchemaRegistry implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalSchemaRegistry.class);

    /** The name the registry module gives the runnable jar (target/lib beside it). */
    public static final String RUNNER_JAR = "newsflow-registry-runner.jar";
    /** In the working directory: the registry's pid, so a start after a crash waits for the old one to be gone. */
    public static final String PID_FILE = "registry.pid";
    /** Path of Confluent's API below the server root. */
    public static final String CONFLUENT_API_PATH = "/apis/ccompat/v7";
    static final String CONFLUENT_JSON = "application/vnd.schemaregistry.v1+json";

    private final ChildProcess process;
    private final HttpFront front;
    private final int port;
    private final Duration startupTime;

    private LocalSchemaRegistry(ChildProcess process, HttpFront front, Duration startupTime) {
        this.process = process;
        this.front = front;
        this.port = front.port();
        this.startupTime = startupTime;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The Confluent-compatible API root, the value for {@code schema.registry.url}. */
    public String url() {
        return baseUrl() + CONFLUENT_API_PATH;
    }

    /** The server root (health at /health/ready, Apicurio's own API at /apis/registry/v2). */
    public String baseUrl() {
        return "http://" + Ports.LOOPBACK + ":" + port;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return process.logFile();
    }

    /** From launching the child JVM until ready with compatibility set. */
    public Duration startupTime() {
        return startupTime;
    }

    /** The registry JVM's process id (e.g. to read its CPU time). */
    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** kill -9 of the registry and its front: clients find nothing listening until a new one starts. */
    public void kill() {
        front.close();
        process.kill();
        log.info("schema registry {} killed", baseUrl());
    }

    @Override
    public void close() {
        front.close();
        process.close();
        log.info("schema registry {} stopped", baseUrl());
    }

    /**
     * Where the runner jar is looked for, in order: system property {@code newsflow.registry.dir} (a directory),
     * environment variable {@code NEWSFLOW_REGISTRY_JAR} (the jar), system property {@code newsflow.home} +
     * {@code /registry/target}. Fails with a message saying how to build it.
     */
    public static Path findRunnerJar() {
        List<Path> candidates = new ArrayList<>();
        String dir = System.getProperty("newsflow.registry.dir");
        if (dir != null && !dir.isBlank()) {
            candidates.add(Path.of(dir).resolve(RUNNER_JAR));
        }
        String jar = System.getenv("NEWSFLOW_REGISTRY_JAR");
        if (jar != null && !jar.isBlank()) {
            candidates.add(Path.of(jar));
        }
        String home = System.getProperty("newsflow.home");
        if (home != null && !home.isBlank()) {
            candidates.add(Path.of(home, "registry", "target", RUNNER_JAR));
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IllegalStateException(missingJarMessage(candidates));
    }

    static String missingJarMessage(List<Path> lookedAt) {
        String where = lookedAt.isEmpty()
                ? "none of -Dnewsflow.registry.dir, NEWSFLOW_REGISTRY_JAR or -Dnewsflow.home is set"
                : "looked at " + lookedAt;
        return "the schema registry is not built (" + where + "). Build it once with "
                + "`mvn -B -pl registry install` at the project root (about 70 s, 200 s with an empty ~/.m2), "
                + "then set -Dnewsflow.registry.dir=<root>/registry/target or NEWSFLOW_REGISTRY_JAR=<path to "
                + RUNNER_JAR + ">";
    }

    public static final class Builder {
        private Path workDir;
        private Path runnerJar;
        private int port = 0;
        private String maxHeap = "256m";
        private String compatibility = "BACKWARD";
        private boolean persistent = false;
        private Duration startTimeout = Ports.defaultStartTimeout();

        private boolean stoppedByOwner;

        private Builder() {}

        /**
         * The caller stops this in order in its own shutdown hook (after the clients that use it), instead of the
         * process's own hook stopping it at once on Ctrl-C. See {@link ChildProcess#leaveStopToOwner()}.
         */
        public Builder stoppedByOwner() {
            this.stoppedByOwner = true;
            return this;
        }

        /** Where registry.log (and with {@link #persistent(boolean)} the database) go. Required. */
        public Builder workDir(Path workDir) {
            this.workDir = workDir == null ? null : workDir.toAbsolutePath();
            return this;
        }

        /** The runner jar; by default found by {@link #findRunnerJar()}. */
        public Builder runnerJar(Path runnerJar) {
            this.runnerJar = runnerJar;
            return this;
        }

        /** HTTP port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder maxHeap(String maxHeap) {
            this.maxHeap = maxHeap;
            return this;
        }

        /** Global compatibility level set after start (Confluent's names); BACKWARD by default, like Confluent. */
        public Builder compatibility(String compatibility) {
            this.compatibility = compatibility;
            return this;
        }

        /**
         * Keep schemas in an H2 file under the working directory, so schema ids stay valid for records a persistent
         * broker still holds. Default: in memory.
         */
        public Builder persistent(boolean persistent) {
            this.persistent = persistent;
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        public LocalSchemaRegistry start() {
            if (workDir == null) {
                throw new IllegalStateException("LocalSchemaRegistry needs a working directory for its log: call "
                        + "workDir(path)");
            }
            if (compatibility == null || !List.of("NONE", "BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD",
                    "FORWARD_TRANSITIVE", "FULL", "FULL_TRANSITIVE").contains(compatibility)) {
                throw new IllegalArgumentException("unknown compatibility level '" + compatibility
                        + "'; use one of Confluent's: NONE, BACKWARD, FORWARD, FULL (optionally _TRANSITIVE)");
            }
            Path jar = runnerJar != null ? runnerJar.toAbsolutePath() : findRunnerJar();
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(missingJarMessage(List.of(jar)));
            }
            if (!Files.isDirectory(jar.resolveSibling("lib"))) {
                throw new IllegalStateException("the schema registry jar " + jar + " has no lib/ directory beside it; "
                        + "rebuild it with `mvn -B -pl registry install`");
            }
            Ports.requireFree(port, "Schema registry", "choose another port (0 picks a free one)");
            try {
                Files.createDirectories(workDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the registry working directory " + workDir, e);
            }
            long began = System.nanoTime();
            ChildProcess.awaitPreviousExit(workDir.resolve(PID_FILE), "schema registry", Duration.ofSeconds(60));
            // the registry listens on a port of its own; clients reach it through a front on the public one
            int httpPort = Ports.freePort();
            Path logFile = workDir.resolve("registry.log");
            Map<String, String> env = new HashMap<>();
            // writes wait for each other's table locks a little longer than H2's 1 s (see the front below)
            String h2 = ";LOCK_TIMEOUT=10000";
            env.put("REGISTRY_DATASOURCE_URL", persistent
                    ? "jdbc:h2:file:" + workDir.toAbsolutePath().resolve("registry-db") + ";DB_CLOSE_ON_EXIT=FALSE" + h2
                    : "jdbc:h2:mem:registry_db" + h2);
            // our tiny ExitWithParent main in front of the runner jar (whose manifest brings lib/*)
            String classpath = codeSourceOf(ExitWithParent.class) + java.io.File.pathSeparator + jar;
            List<String> jvmArgs = List.of(
                    "-Xmx" + maxHeap,
                    // a registry answers a few lookups per client (they cache schemas): the quick compiler alone and
                    // the serial collector leave the CPU of its start to the broker and services starting beside it
                    "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC",
                    "-Djava.awt.headless=true",
                    "-Dquarkus.http.host=" + Ports.LOOPBACK,
                    "-Dquarkus.http.port=" + httpPort,
                    // the banner and per-request noise do not help an operator reading registry.log
                    "-Dquarkus.banner.enabled=false");
            ChildProcess child = ChildProcess.startJava("schema registry", jvmArgs, classpath,
                    mainClassOf(jar), List.of(), env, workDir, logFile);
            child.writePid(workDir.resolve(PID_FILE));
            if (stoppedByOwner) child.leaveStopToOwner();
            try {
                RegistryHttp http = new RegistryHttp("http://" + Ports.LOOPBACK + ":" + httpPort);
                awaitReady(child, http);
                http.setGlobalCompatibility(compatibility);
            } catch (RuntimeException e) {
                child.close();
                throw e;
            }
            // concurrent first registrations (every service starting at once) lock H2's tables against each other
            // until H2 gives up (500 "Timeout trying to lock table"); the front lets writes through one at a time
            HttpFront front;
            try {
                front = HttpFront.forTarget("http://" + Ports.LOOPBACK + ":" + httpPort).serializeWrites(true)
                        .port(port).start();
            } catch (RuntimeException e) {
                child.close();
                throw e;
            }
            Duration took = Duration.ofNanos(System.nanoTime() - began);
            LocalSchemaRegistry registry = new LocalSchemaRegistry(child, front, took);
            log.info("schema registry ready at {} in {} ms (pid {}, compatibility {}, {} storage, log {})",
                    registry.url(), took.toMillis(), child.pid(), compatibility, persistent ? "file" : "in-memory",
                    logFile);
            return registry;
        }

        private void awaitReady(ChildProcess child, RegistryHttp http) {
            long deadline = System.nanoTime() + startTimeout.toNanos();
            while (true) {
                child.requireAlive();
                if (http.isReady()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("schema registry on " + http.baseUrl() + " not ready within "
                            + startTimeout.toSeconds() + " s; log " + child.logFile() + ":\n"
                            + ChildProcess.tail(child.logFile(), 20));
                }
                LocalKafkaBroker.sleep(200);
            }
        }
    }

    private static String mainClassOf(Path jar) {
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
            String main = file.getManifest() == null ? null
                    : file.getManifest().getMainAttributes().getValue(java.util.jar.Attributes.Name.MAIN_CLASS);
            if (main == null) {
                throw new IllegalStateException(jar + " has no Main-Class; rebuild it with `mvn -B -pl registry install`");
            }
            return main;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    private static String codeSourceOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + type.getName(), e);
        }
    }

    /** The few HTTP calls needed to start the registry; the full client lives in the schemas module. */
    static final class RegistryHttp {
        private final String baseUrl;
        private final HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // Quarkus answers an h2c upgrade with GOAWAY under load
                .connectTimeout(Duration.ofSeconds(2)).build();

        RegistryHttp(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        String baseUrl() {
            return baseUrl;
        }

        boolean isReady() {
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/health/ready"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                return response.statusCode() == 200;
            } catch (ConnectException | HttpTimeoutException notListeningYet) {
                return false;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the schema registry", e);
            }
        }

        private HttpResponse<String> sendWithRetries(HttpRequest request, int attempts)
                throws IOException, InterruptedException {
            for (int attempt = 1; ; attempt++) {
                try {
                    return client.send(request, HttpResponse.BodyHandlers.ofString());
                } catch (IOException e) {
                    if (attempt >= attempts) {
                        throw e;
                    }
                    log.info("schema registry at {} did not answer {} ({}); retrying", baseUrl, request.uri().getPath(),
                            e.toString());
                }
            }
        }

        void setGlobalCompatibility(String level) {
            String body = "{\"compatibility\":\"" + level + "\"}";
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + CONFLUENT_API_PATH + "/config"))
                    // the first write after start can be slow on a busy machine (cold JIT, database init)
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", CONFLUENT_JSON)
                    .header("Accept", CONFLUENT_JSON)
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
            try {
                HttpResponse<String> response = sendWithRetries(request, 3);
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("schema registry refused PUT " + CONFLUENT_API_PATH + "/config "
                            + body + ": HTTP " + response.statusCode() + " " + response.body());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not set the schema registry's compatibility at " + baseUrl
                        + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while configuring the schema registry", e);
            }
        }
    }
}
