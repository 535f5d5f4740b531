package io.crmlake.etl.ingest;

/**
 * One logical record of a landing file: its first physical line number (1-based; the CSV header
 * is line 1), its text (invalid bytes replaced by U+FFFD) and whether the bytes were valid UTF-8.
 */
public record LandingRecord(long rowNumber, String text, boolean validUtf8) {}
