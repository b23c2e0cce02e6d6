package io.newsflow.schemas.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The one shape of every service's {@code GET /health}, so one probe and one dashboard query serve them all:
 * <pre>{"service": "enrich", "status": "UP", "checks": {"streams": {"status": "UP", "detail": "RUNNING"}}, "info": {...}}</pre>
 * {@code status} is UP when every check is, else DOWN (answered 200 and 503); {@code info} holds figures that are not a
 * verdict (articles held, the last commit). Written by Jackson: details hold whatever text a client reports (a
 * consumer's state, a failure), escaped as JSON.
 */
public final class Health {
    public static final String CONTENT_TYPE = "application/json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String service;
    private final ObjectNode checks = JSON.createObjectNode();
    private final ObjectNode info = JSON.createObjectNode();
    private boolean up = true;

    private Health(String service) {
        this.service = service;
    }

    public static Health of(String service) {
        return new Health(service);
    }

    /** One check: UP or DOWN, with what it saw. A service is UP when all its checks are. */
    public Health check(String name, boolean checkUp, Object detail) {
        ObjectNode c = checks.putObject(name);
        c.put("status", checkUp ? "UP" : "DOWN");
        c.set("detail", JSON.valueToTree(detail));
        up &= checkUp;
        return this;
    }

    public Health info(String key, Object value) {
        info.set(key, JSON.valueToTree(value));
        return this;
    }

    public Health info(Map<String, ?> values) {
        values.forEach(this::info);
        return this;
    }

    public boolean up() {
        return up && !checks.isEmpty();
    }

    /** 200 when up, 503 otherwise. */
    public int httpStatus() {
        return up() ? 200 : 503;
    }

    public String json() {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("service", service);
        doc.put("status", up() ? "UP" : "DOWN");
        doc.set("checks", checks);
        if (!info.isEmpty()) doc.set("info", info);
        return doc.toString();
    }
}
