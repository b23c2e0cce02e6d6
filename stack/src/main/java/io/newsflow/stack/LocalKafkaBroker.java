package io.newsflow.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker (KRaft, broker and controller in one process) running as a child JVM from
 * the Kafka jars on this JVM's classpath. Data lives under the working directory, so a broker started again on the
 * same directory finds its topics again. {@link #close()} shuts it down cleanly.
 *
 * <pre>{@code
 * try (LocalKafkaBroker kafka = LocalKafkaBroker.builder().workDir(dir).port(9092).start()) {
 *     String bootstrap = kafka.bootstrapServers();   // 127.0.0.1:9092
 * }
 * }</pre>
 */
public final class LocalKafkaBroker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalKafkaBroker.class);
    /** In the working directory: the broker's pid, so a start after a crash waits for the old one to be gone. */
    public static final String PID_FILE = "broker.pid";

    private final ChildProcess process;
    private final int port;
    private final Path workDir;
    private final Duration startupTime;
    private final Properties clientSecurity;

    private LocalKafkaBroker(ChildProcess process, int port, Path workDir, Duration startupTime,
                             Properties clientSecurity) {
        this.process = process;
        this.port = port;
        this.workDir = workDir;
        this.startupTime = startupTime;
        this.clientSecurity = clientSecurity;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code 127.0.0.1:PORT}, for bootstrap.servers. */
    public String bootstrapServers() {
        return Ports.LOOPBACK + ":" + port;
    }

    public int port() {
        return port;
    }

    /**
     * The security keys a client needs on the client listener, as the broker's own user: empty for PLAINTEXT,
     * security.protocol, sasl.mechanism and sasl.jaas.config when SASL/PLAIN is on.
     */
    public Properties clientSecurity() {
        Properties copy = new Properties();
        copy.putAll(clientSecurity);
        return copy;
    }

    /**
     * The client keys for SCRAM-SHA-512 as {@code user}: security.protocol (SASL_SSL with {@code tls}, else
     * SASL_PLAINTEXT), sasl.mechanism, sasl.jaas.config, and the truststore keys with {@code tls}.
     */
    public static Properties scramClient(String user, String password, TlsFiles tls) {
        Properties p = new Properties();
        p.setProperty("security.protocol", tls != null ? "SASL_SSL" : "SASL_PLAINTEXT");
        p.setProperty("sasl.mechanism", SCRAM);
        p.setProperty("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + user + "\" password=\"" + password + "\";");
        if (tls != null) p.putAll(tls.clientProperties());
        return p;
    }

    static final String SCRAM = "SCRAM-SHA-512";

    /** The client keys for SASL/PLAIN as {@code user}: security.protocol, sasl.mechanism, sasl.jaas.config. */
    public static Properties saslPlainClient(String user, String password) {
        Properties p = new Properties();
        p.setProperty("security.protocol", "SASL_PLAINTEXT");
        p.setProperty("sasl.mechanism", "PLAIN");
        p.setProperty("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                + user + "\" password=\"" + password + "\";");
        return p;
    }

    public Path workDir() {
        return workDir;
    }

    /** The broker's stdout and stderr. */
    public Path logFile() {
        return process.logFile();
    }

    /** From launching the child JVM (storage format included) until the broker answered a metadata request. */
    public Duration startupTime() {
        return startupTime;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** kill -9: the broker ends without a controlled shutdown or a flush, as in a crash. */
    public void kill() {
        process.kill();
        log.info("Kafka broker {} killed", bootstrapServers());
    }

    /** Stops the broker with SIGTERM (controlled shutdown, logs flushed) and waits for it to exit. */
    @Override
    public void close() {
        process.close();
        log.info("Kafka broker {} stopped", bootstrapServers());
    }

    public static final class Builder {
        private Path workDir;
        private int port = 0;
        private int controllerPort = 0;
        private String maxHeap = "512m";
        private Duration startTimeout = Ports.defaultStartTimeout();
        private String classpath = System.getProperty("java.class.path");
        private final Map<String, String> overrides = new LinkedHashMap<>();
        private final Map<String, String> saslUsers = new LinkedHashMap<>();
        private final Map<String, String> scramUsers = new LinkedHashMap<>();
        private TlsFiles tls;
        private boolean acls;
        private String clusterId;

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

        /** The cluster id a new data directory is formatted with (every node of one cluster shares it); random by default. */
        public Builder clusterId(String clusterId) {
            this.clusterId = clusterId;
            return this;
        }

        /**
         * Requires SASL/PLAIN on the client listener (SASL_PLAINTEXT), with these users (name to password); the
         * first is the broker's own, for inter-broker traffic and for the readiness probe. Without it the client
         * listener is PLAINTEXT.
         */
        public Builder saslPlainUsers(Map<String, String> users) {
            users.forEach((u, pw) -> {
                if (u.isBlank() || u.contains("\"") || pw.contains("\"")) {
                    throw new IllegalArgumentException("SASL user names and passwords must be non-blank and without quotes: " + u);
                }
            });
            saslUsers.clear();
            saslUsers.putAll(users);
            return this;
        }

        /**
         * Requires SASL with SCRAM-SHA-512 on the client listener, with these users (name to password), whose
         * credentials are written when the storage is formatted; the first is the broker's own (inter-broker traffic,
         * the readiness probe) and a super user. With {@link #tls} the listener is SASL_SSL, else SASL_PLAINTEXT.
         */
        public Builder scramUsers(Map<String, String> users) {
            users.forEach((u, pw) -> {
                if (u.isBlank() || !u.matches("[A-Za-z0-9._-]+") || pw.isBlank() || pw.contains("\"") || pw.contains("]")
                        || pw.contains(",")) {
                    throw new IllegalArgumentException("SCRAM user names are letters, digits, '.', '_' or '-', and passwords "
                            + "non-blank without quotes, ',' or ']': " + u);
                }
            });
            scramUsers.clear();
            scramUsers.putAll(users);
            return this;
        }

        /** TLS on the client listener (with SCRAM users: SASL_SSL), with this keystore and truststore. */
        public Builder tls(TlsFiles tls) {
            this.tls = tls;
            return this;
        }

        /**
         * Authorizes every request with Kafka's StandardAuthorizer and {@code allow.everyone.if.no.acl.found=false}:
         * a principal may do only what an ACL grants it. The broker's own SCRAM user (and the local controller
         * listener) are super users. Needs {@link #scramUsers}.
         */
        public Builder acls() {
            this.acls = true;
            return this;
        }

        /** Where data (kafka-data/), server.properties and kafka.log go. Required. Created if missing. */
        public Builder workDir(Path workDir) {
            this.workDir = workDir == null ? null : workDir.toAbsolutePath(); // children run in it: relative paths would not resolve
            return this;
        }

        /** Client port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** KRaft controller port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        /** -Xmx of the broker JVM, e.g. "512m". */
        public Builder maxHeap(String maxHeap) {
            this.maxHeap = maxHeap;
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        /** Classpath of the broker JVM; defaults to this JVM's, which must include kafka_2.13. */
        public Builder classpath(String classpath) {
            this.classpath = classpath;
            return this;
        }

        /** Any broker setting, overriding the single-node defaults. */
        public Builder property(String key, String value) {
            overrides.put(key, value);
            return this;
        }

        /** Formats storage if needed, starts the broker and waits until it serves metadata requests. */
        public LocalKafkaBroker start() {
            validate();
            long began = System.nanoTime();
            int clientPort = port == 0 ? Ports.freePort() : port;
            int ctlPort = controllerPort == 0 ? freePortOtherThan(clientPort) : controllerPort;
            try {
                Files.createDirectories(workDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the Kafka working directory " + workDir, e);
            }
            ChildProcess.awaitPreviousExit(workDir.resolve(PID_FILE), "Kafka broker", Duration.ofSeconds(60));
            Path dataDir = workDir.resolve("kafka-data");
            Path config = workDir.resolve("server.properties");
            Path logFile = workDir.resolve("kafka.log");
            Path loggingConfig = writeLoggingConfig(workDir);
            writeProperties(config, serverProperties(clientPort, ctlPort, dataDir));
            Properties security = !scramUsers.isEmpty()
                    ? scramClient(scramUsers.keySet().iterator().next(), scramUsers.values().iterator().next(), tls)
                    : saslUsers.isEmpty() ? new Properties()
                    : saslPlainClient(saslUsers.keySet().iterator().next(), saslUsers.values().iterator().next());

            List<String> jvmArgs = List.of(
                    "-Xmx" + maxHeap,
                    "-XX:+UseG1GC",
                    "-Djava.awt.headless=true",
                    "-Dlogback.configurationFile=" + loggingConfig.resolveSibling("kafka-logback.xml"),
                    "-Dlog4j2.configurationFile=" + loggingConfig);
            if (!Files.exists(dataDir.resolve("meta.properties"))) {
                // a new data directory gets a cluster id; an existing one keeps its own (and its topics)
                ChildProcess.runJava("Kafka storage format",
                        List.of("-Xmx128m", "-XX:TieredStopAtLevel=1", "-Dlogback.configurationFile="
                                + workDir.resolve("kafka-logback.xml"), "-Dlog4j2.configurationFile=" + loggingConfig),
                        classpath, "kafka.tools.StorageTool",
                        formatArguments(config),
                        workDir, logFile, Duration.ofSeconds(60));
            }
            ChildProcess child = ChildProcess.startJava("Kafka broker", jvmArgs, classpath, "kafka.Kafka",
                    List.of(config.toString()), Map.of(), workDir, logFile);
            child.writePid(workDir.resolve(PID_FILE));
            if (stoppedByOwner) child.leaveStopToOwner();
            try {
                awaitReady(child, clientPort, security);
            } catch (RuntimeException e) {
                child.close();
                throw e;
            }
            Duration took = Duration.ofNanos(System.nanoTime() - began);
            log.info("Kafka broker ready at {}:{} in {} ms (pid {}, data {}, log {})", Ports.LOOPBACK, clientPort,
                    took.toMillis(), child.pid(), dataDir, logFile);
            return new LocalKafkaBroker(child, clientPort, workDir, took, security);
        }

        private List<String> formatArguments(Path config) {
            List<String> args = new java.util.ArrayList<>(List.of("format", "-t",
                    clusterId != null ? clusterId : Uuid.randomUuid().toString(), "-c", config.toString()));
            scramUsers.forEach((u, pw) -> {
                args.add("--add-scram");
                args.add(SCRAM + "=[name=" + u + ",password=" + pw + "]");
            });
            return args;
        }

        private void validate() {
            if (acls && scramUsers.isEmpty()) {
                throw new IllegalStateException("ACLs need authenticated principals: give scramUsers(...) too");
            }
            if (tls != null && scramUsers.isEmpty()) {
                throw new IllegalStateException("TLS is offered with SCRAM users here: give scramUsers(...) too");
            }
            if (!scramUsers.isEmpty() && !saslUsers.isEmpty()) {
                throw new IllegalStateException("one SASL mechanism per broker: SCRAM users or PLAIN users, not both");
            }
            if (workDir == null) {
                throw new IllegalStateException("LocalKafkaBroker needs a working directory for its data and logs: "
                        + "call workDir(path)");
            }
            if (Files.exists(workDir) && !Files.isDirectory(workDir)) {
                throw new IllegalStateException("Kafka working directory " + workDir + " is a file, not a directory");
            }
            if (classpath == null || classpath.isBlank()
                    || LocalKafkaBroker.class.getClassLoader().getResource("kafka/Kafka.class") == null) {
                throw new IllegalStateException("the Kafka broker classes (org.apache.kafka:kafka_2.13) are not on the "
                        + "classpath; depend on io.newsflow:newsflow-stack, which brings them");
            }
            Ports.requireFree(port, "Kafka", "choose another port (0 picks a free one)");
            Ports.requireFree(controllerPort, "Kafka controller", "choose another controller port");
            if (port != 0 && port == controllerPort) {
                throw new IllegalStateException("Kafka client and controller ports must differ; both are " + port);
            }
        }

        private static int freePortOtherThan(int taken) {
            int candidate;
            do {
                candidate = Ports.freePort();
            } while (candidate == taken);
            return candidate;
        }

        private Properties serverProperties(int clientPort, int ctlPort, Path dataDir) {
            Properties p = new Properties();
            // one process is both broker and KRaft controller; node 1 is the only voter
            p.setProperty("process.roles", "broker,controller");
            p.setProperty("node.id", "1");
            p.setProperty("controller.quorum.voters", "1@" + Ports.LOOPBACK + ":" + ctlPort);
            p.setProperty("listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + clientPort + ",CONTROLLER://"
                    + Ports.LOOPBACK + ":" + ctlPort);
            p.setProperty("advertised.listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + clientPort);
            p.setProperty("controller.listener.names", "CONTROLLER");
            p.setProperty("inter.broker.listener.name", "PLAINTEXT");
            p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            p.setProperty("log.dirs", dataDir.toString());
            if (!saslUsers.isEmpty()) {
                // one SASL listener for clients and the broker itself; the controller listener stays on loopback
                p.setProperty("listeners", "CLIENT://" + Ports.LOOPBACK + ":" + clientPort + ",CONTROLLER://"
                        + Ports.LOOPBACK + ":" + ctlPort);
                p.setProperty("advertised.listeners", "CLIENT://" + Ports.LOOPBACK + ":" + clientPort);
                p.setProperty("inter.broker.listener.name", "CLIENT");
                p.setProperty("listener.security.protocol.map", "CLIENT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
                p.setProperty("sasl.enabled.mechanisms", "PLAIN");
                p.setProperty("sasl.mechanism.inter.broker.protocol", "PLAIN");
                Map.Entry<String, String> self = saslUsers.entrySet().iterator().next();
                StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required")
                        .append(" username=\"").append(self.getKey()).append("\" password=\"").append(self.getValue()).append('"');
                saslUsers.forEach((u, pw) -> jaas.append(" user_").append(u).append("=\"").append(pw).append('"'));
                p.setProperty("listener.name.client.plain.sasl.jaas.config", jaas.append(';').toString());
            }
            if (!scramUsers.isEmpty()) {
                // one SASL listener (SCRAM, on TLS when given) for clients and the broker itself; the controller
                // listener stays PLAINTEXT on loopback
                p.setProperty("listeners", "CLIENT://" + Ports.LOOPBACK + ":" + clientPort + ",CONTROLLER://"
                        + Ports.LOOPBACK + ":" + ctlPort);
                p.setProperty("advertised.listeners", "CLIENT://" + Ports.LOOPBACK + ":" + clientPort);
                p.setProperty("inter.broker.listener.name", "CLIENT");
                p.setProperty("listener.security.protocol.map", "CLIENT:" + (tls != null ? "SASL_SSL" : "SASL_PLAINTEXT")
                        + ",CONTROLLER:PLAINTEXT");
                p.setProperty("sasl.enabled.mechanisms", SCRAM);
                p.setProperty("sasl.mechanism.inter.broker.protocol", SCRAM);
                Map.Entry<String, String> self = scramUsers.entrySet().iterator().next();
                p.setProperty("listener.name.client." + SCRAM.toLowerCase(java.util.Locale.ROOT) + ".sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + self.getKey()
                                + "\" password=\"" + self.getValue() + "\";");
                if (tls != null) p.putAll(tls.brokerProperties());
                if (acls) {
                    p.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
                    p.setProperty("allow.everyone.if.no.acl.found", "false");
                    // the broker's user, and the controller listener on loopback (its principal is ANONYMOUS)
                    p.setProperty("super.users", "User:" + self.getKey() + ";User:ANONYMOUS");
                }
            }
            // internal topics default to replication factor 3: with one broker, groups and transactions would hang
            p.setProperty("offsets.topic.replication.factor", "1");
            p.setProperty("transaction.state.log.replication.factor", "1");
            p.setProperty("transaction.state.log.min.isr", "1");
            p.setProperty("share.coordinator.state.topic.replication.factor", "1");
            p.setProperty("share.coordinator.state.topic.min.isr", "1");
            // fewer internal partitions (default 50 each): the first group / transaction starts faster
            p.setProperty("offsets.topic.num.partitions", "6");
            p.setProperty("transaction.state.log.num.partitions", "6");
            // no 3 s wait for more members before the first assignment of a consumer group
            p.setProperty("group.initial.rebalance.delay.ms", "0");
            // a transaction its producer abandoned (a frozen or partitioned instance) holds every read_committed reader
            // of its partitions until the coordinator aborts it: at its transaction.timeout.ms, but the coordinator
            // looks for timed-out transactions only every 10 s by default, so up to 10 s later. Every second instead
            // (an in-memory scan of the coordinator's transactions)
            p.setProperty("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000");
            // a laptop-sized broker: fewer threads than the production defaults
            p.setProperty("num.network.threads", "2");
            p.setProperty("num.io.threads", "4");
            p.putAll(overrides);
            return p;
        }

        private static void writeProperties(Path file, Properties properties) {
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(out, "single-node KRaft broker written by newsflow; rewritten at every start");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }

        /**
         * Logging for the child: Kafka logs through SLF4J, bound to whichever backend is on the classpath (logback in
         * this project, log4j2 in others); both get a config that writes INFO to stdout, i.e. kafka.log.
         */
        private static Path writeLoggingConfig(Path workDir) {
            Path log4j2 = workDir.resolve("kafka-log4j2.properties");
            Path logback = workDir.resolve("kafka-logback.xml");
            try {
                Files.writeString(log4j2, String.join("\n",
                        "status = warn",
                        "appender.out.type = Console",
                        "appender.out.name = out",
                        "appender.out.layout.type = PatternLayout",
                        "appender.out.layout.pattern = [%d] %p %m (%c)%n",
                        "rootLogger.level = info",
                        "rootLogger.appenderRef.out.ref = out",
                        ""));
                Files.writeString(logback, String.join("\n",
                        "<configuration>",
                        "  <appender name=\"OUT\" class=\"ch.qos.logback.core.ConsoleAppender\">",
                        "    <encoder><pattern>[%d] %level %msg \\(%logger\\)%n</pattern></encoder>",
                        "  </appender>",
                        "  <logger name=\"org.apache.kafka.clients\" level=\"WARN\"/>",
                        "  <root level=\"INFO\"><appender-ref ref=\"OUT\"/></root>",
                        "</configuration>",
                        ""));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write logging config into " + workDir, e);
            }
            return log4j2;
        }

        /** Ready = the broker answers a DescribeCluster request; fails early if the child dies meanwhile. */
        private void awaitReady(ChildProcess child, int clientPort, Properties security) {
            Properties adminProps = new Properties();
            adminProps.putAll(security);
            adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Ports.LOOPBACK + ":" + clientPort);
            adminProps.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
            adminProps.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000");
            adminProps.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, "50");
            adminProps.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "200");
            long deadline = System.nanoTime() + startTimeout.toNanos();
            // wait for the listener first: an admin client retrying a closed port logs a warning every 50 ms
            while (!Ports.accepts(clientPort)) {
                child.requireAlive();
                failIfPast(deadline, child, clientPort);
                sleep(100);
            }
            try (Admin admin = Admin.create(adminProps)) {
                while (true) {
                    child.requireAlive();
                    try {
                        admin.describeCluster(new DescribeClusterOptions().timeoutMs(1000)).nodes()
                                .get(1500, TimeUnit.MILLISECONDS);
                        return;
                    } catch (ExecutionException | TimeoutException notYet) {
                        // still starting
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
                    }
                    failIfPast(deadline, child, clientPort);
                    sleep(100);
                }
            }
        }

        private void failIfPast(long deadline, ChildProcess child, int clientPort) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka broker on " + Ports.LOOPBACK + ":" + clientPort
                        + " not ready within " + startTimeout.toSeconds() + " s; log " + child.logFile()
                        + ":\n" + ChildProcess.tail(child.logFile(), 20));
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
