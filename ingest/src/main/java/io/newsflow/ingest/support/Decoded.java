package io.newsflow.ingest.support;

/**
 * Document text after charset detection.
 *
 * @param text     the text, BOM removed
 * @param charset  the charset used
 * @param how      why that charset: bom, xml-declaration, meta, content-type, utf-8, fallback
 * @param repaired true when malformed bytes were replaced by U+FFFD (declared charset did not fit)
 */
public record Decoded(String text, String charset, String how, boolean repaired) {}
