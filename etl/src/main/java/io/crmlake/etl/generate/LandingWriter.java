package io.crmlake.etl.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes one landing file, {@code <landing>/<entity>/<batch>/<entity>-<batch>.csv}: UTF-8,
 * {@code \n} line ends, a header of the contract's field names, RFC 4180 quoting. The empty
 * {@code _SUCCESS} marker is created by {@link #finish()} only after the file is closed, so an
 * ingest job never sees a half-written batch as complete.
 */
final class LandingWriter {

    private static final byte COMMA = ',';
    private static final byte NEWLINE = '\n';

    private final Path dir;
    private final String relativeFile;
    private final OutputStream out;
    private long lines;

    LandingWriter(Path landingRoot, String entity, String batch, List<String> header) throws IOException {
        this.dir = landingRoot.resolve(entity).resolve(batch);
        Files.createDirectories(dir);
        String fileName = entity + "-" + batch + ".csv";
        this.relativeFile = entity + "/" + batch + "/" + fileName;
        this.out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(fileName)), 1 << 16);
        writeRow(header.toArray(String[]::new));
    }

    /** The file's path relative to the landing root, with forward slashes. */
    String relativeFile() {
        return relativeFile;
    }

    /** Writes a row; returns its physical line number (header = 1). */
    long writeRow(String[] fields) throws IOException {
        return writeRaw(encode(fields));
    }

    /** Writes pre-encoded bytes (without the line end) as one line; returns its line number. */
    long writeRaw(byte[] line) throws IOException {
        out.write(line);
        out.write(NEWLINE);
        return ++lines;
    }

    /** Closes the file, then drops the empty _SUCCESS marker. */
    void finish() throws IOException {
        out.close();
        Files.write(dir.resolve("_SUCCESS"), new byte[0]);
    }

    static byte[] encode(String[] fields) {
        return encodeLine(fields).getBytes(StandardCharsets.UTF_8);
    }

    static String encodeLine(String[] fields) {
        StringBuilder sb = new StringBuilder(128);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            quote(sb, fields[i]);
        }
        return sb.toString();
    }

    /**
     * Encodes a row whose field {@code rawIndex} gets {@code raw} bytes spliced into the middle of
     * its text, unquoted: the way a broken source system leaks invalid UTF-8 into one field.
     */
    static byte[] encodeWithRawBytes(String[] fields, int rawIndex, byte[] raw) {
        var buf = new java.io.ByteArrayOutputStream(256);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                buf.write(COMMA);
            }
            if (i == rawIndex) {
                String v = fields[i] == null ? "" : fields[i];
                int cut = v.length() / 2;
                buf.writeBytes(v.substring(0, cut).getBytes(StandardCharsets.UTF_8));
                buf.writeBytes(raw);
                buf.writeBytes(v.substring(cut).getBytes(StandardCharsets.UTF_8));
            } else {
                StringBuilder sb = new StringBuilder();
                quote(sb, fields[i]);
                buf.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return buf.toByteArray();
    }

    private static void quote(StringBuilder sb, String v) {
        if (v == null || v.isEmpty()) {
            return;
        }
        boolean needs = false;
        for (int i = 0; i < v.length() && !needs; i++) {
            char c = v.charAt(i);
            needs = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!needs) {
            sb.append(v);
            return;
        }
        sb.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        sb.append('"');
    }
}
