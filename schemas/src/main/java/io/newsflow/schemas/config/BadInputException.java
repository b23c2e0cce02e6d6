package io.newsflow.schemas.config;

/** Input a user gave us that we cannot use: reported as one stderr line and exit code 2. */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }
}
