package io.newsflow.schemas.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The one shape of every service's {@code GET /health}: {@code {"service": ..., "status": ..., details}}, answered
 * 200 when the service is up and 503 otherwise, so one probe and one dashboard query serve them all. Written by
 * Jackson: details hold whatever text a client reports (a consumer's state, a failure), escaped as JSON.
 */
public final class Health {
    public static final String CONTENT_TYPE = "application/json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode doc = JSON.createObjectNode();
    private final boolean up;

    private Health(String service, String status, boolean up) {
        this.up = up;
        doc.put("service", service);
        doc.put("status", status);
    }

    /** UP or DOWN. */
    public static Health of(String service, boolean up) {
        return new Health(service, up ? "UP" : "DOWN", up);
    }

    /** A status of the service's own (STARTING, say); only {@code up} answers 200. */
    public static Health of(String service, String status, boolean up) {
        return new Health(service, status, up);
    }

    public Health with(String key, Object value) {
        doc.set(key, JSON.valueToTree(value));
        return this;
    }

    public Health with(Map<String, ?> details) {
        details.forEach(this::with);
        return this;
    }

    public boolean up() {
        return up;
    }

    /** 200 when up, 503 otherwise. */
    public int httpStatus() {
        return up ? 200 : 503;
    }

    public String json() {
        return doc.toString();
    }
}
