package io.newsflow.cli.compose;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** docker-compose.yml and docker/entrypoint.sh of the project, read the way Docker would use them. */
final class ComposeProject {
    final Path root;
    final Map<String, Object> compose;

    ComposeProject() throws IOException {
        String dir = System.getProperty("newsflow.project.dir");
        root = dir != null ? Path.of(dir) : Path.of("").toAbsolutePath().getParent();
        try (InputStream in = Files.newInputStream(root.resolve("docker-compose.yml"))) {
            compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
    }

    /** The services `docker compose up` starts: those without a profile. */
    Map<String, Object> services() {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        map(compose.get("services")).forEach((name, service) -> {
            if (map(service).get("profiles") == null) out.put(name, service);
        });
        return out;
    }

    /** Any service of the file, a profile's included. */
    Map<String, Object> service(String name) {
        Object service = map(compose.get("services")).get(name);
        if (service == null) {
            throw new AssertionError("docker-compose.yml has no service " + name);
        }
        return map(service);
    }

    /** The environment of a service as strings (compose accepts a map or a list of NAME=value). */
    Map<String, String> environment(String name) {
        Object env = service(name).get("environment");
        Map<String, String> out = new HashMap<>();
        if (env instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (env instanceof List<?> list) {
            for (Object item : list) {
                String[] kv = String.valueOf(item).split("=", 2);
                out.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return out;
    }

    /** Runs the image's entrypoint in dry-run mode with exactly this environment; returns the command it would run. */
    List<String> entrypointCommand(String service, Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("docker/entrypoint.sh").toString(),
                service));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(environment);
        builder.environment().put("NEWSFLOW_DRY_RUN", "1");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("entrypoint.sh " + service + " failed: " + err);
        }
        return List.of(out.trim().split(" +"));
    }

    /** The settings a service in the compose file starts with: what its own loader makes of its environment. */
    Properties serviceProperties(String service) {
        return io.newsflow.schemas.config.ServiceProperties.load(null, environment(service));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (!(value instanceof Map)) {
            throw new AssertionError("expected a mapping, got " + value);
        }
        return (Map<String, Object>) value;
    }
}
