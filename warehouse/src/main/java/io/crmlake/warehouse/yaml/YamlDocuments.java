package io.crmlake.warehouse.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Reads a YAML document into a Java record and turns every problem into one sentence that
 * names the file, the line and the field. Records validate themselves in their compact
 * constructors; Jackson carries the location of the value that failed.
 */
public final class YamlDocuments {

    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private YamlDocuments() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static <T> T read(Path file, Class<T> type) {
        return readLocated(file, type).value();
    }

    /**
     * Reads a file and keeps what is needed to report later problems (cross-references between
     * documents) at the right line: see {@link Located#error(String, String)}.
     */
    public static <T> Located<T> readLocated(Path file, Class<T> type) {
        try {
            byte[] document = Files.readAllBytes(file);
            return new Located<>(read(document, file.toString(), type), file.toString(), document);
        } catch (NoSuchFileException e) {
            throw new YamlDocumentException(file + ": no such file; check the path (or the --rules/--config option)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static <T> T readResource(String resource, Class<T> type) {
        InputStream in = YamlDocuments.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new YamlDocumentException("classpath resource " + resource + " is missing from the build", null);
        }
        try (in) {
            return read(in, resource, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    public static <T> T read(InputStream in, String sourceName, Class<T> type) throws IOException {
        return read(in.readAllBytes(), sourceName, type);
    }

    private static <T> T read(byte[] document, String sourceName, Class<T> type) throws IOException {
        try {
            T value = MAPPER.readValue(document, type);
            if (value == null) {
                throw new YamlDocumentException(sourceName + ": the document is empty", null);
            }
            return value;
        } catch (JsonMappingException e) {
            throw new YamlDocumentException(describe(sourceName, document, e), e);
        } catch (JsonProcessingException e) {
            throw new YamlDocumentException(sourceName + " line " + line(e.getLocation())
                    + ": not valid YAML: " + e.getOriginalMessage(), e);
        }
    }

    private static String describe(String sourceName, byte[] document, JsonMappingException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        Throwable cause = e instanceof ValueInstantiationException && e.getCause() != null ? e.getCause() : null;
        String reason = cause != null ? cause.getMessage() : e.getOriginalMessage();
        // Jackson's own messages end with a source excerpt; keep the first line only.
        reason = reason == null ? "invalid value" : reason.lines().findFirst().orElse(reason);
        String line = line(e.getLocation());
        if (cause != null) {
            // A constructor check fails once the whole object is read, where Jackson's location is
            // the object's end: point at the object, or at the nested field the check names.
            if (cause instanceof InvalidField invalid) {
                field = InvalidField.join(field, invalid.field());
            }
            int located = YamlLocator.of(document).line(field);
            line = located > 0 ? Integer.toString(located) : line;
        }
        return message(sourceName, line, field, reason);
    }

    private static String message(String sourceName, String line, String field, String reason) {
        return sourceName + " line " + line + (field.isEmpty() ? "" : ", field " + field) + ": " + reason;
    }

    /** A parsed document that can still point at its own lines. */
    public static final class Located<T> {
        private final T value;
        private final String sourceName;
        private final byte[] document;
        private YamlLocator locator;

        Located(T value, String sourceName, byte[] document) {
            this.value = value;
            this.sourceName = sourceName;
            this.document = document;
        }

        public T value() {
            return value;
        }

        public String sourceName() {
            return sourceName;
        }

        /** The line of a field path such as {@code targets[1].scope.scheme}, or -1. */
        public int line(String field) {
            if (locator == null) {
                locator = YamlLocator.of(document);
            }
            return locator.line(field);
        }

        /** An error about one field of this document, found after parsing. */
        public YamlDocumentException error(String field, String reason) {
            int line = line(field);
            return new YamlDocumentException(message(sourceName, line > 0 ? Integer.toString(line) : "?", field, reason), null);
        }
    }

    private static String line(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? "?" : Integer.toString(location.getLineNr());
    }
}
