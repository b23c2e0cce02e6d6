package io.newsflow.schemas.registry;

/** No answer from the registry at all: connection refused, DNS failure or timeout. The message names the URL. */
public class RegistryUnreachableException extends SchemaRegistryException {
    private final String url;

    public RegistryUnreachableException(String url, String message, Throwable cause) {
        super(message, -1, -1, cause);
        this.url = url;
    }

    public String url() {
        return url;
    }
}
