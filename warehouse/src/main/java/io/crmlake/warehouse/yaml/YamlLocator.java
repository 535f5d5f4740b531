package io.crmlake.warehouse.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of every field and list entry of a YAML document, keyed by the path printed in
 * error messages ({@code schemes[2].bands[0].lower.inclusive}). Used to point errors found
 * after parsing (cross-references, constructor checks) at the line of the field itself.
 */
final class YamlLocator {

    private final Map<String, Integer> lines;

    private YamlLocator(Map<String, Integer> lines) {
        this.lines = lines;
    }

    static YamlLocator of(byte[] document) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = YamlDocuments.mapper().getFactory().createParser(document)) {
            // Each frame: the path of the container and, for arrays, the next index.
            Deque<String> paths = new ArrayDeque<>();
            Deque<int[]> indexes = new ArrayDeque<>();
            String pendingField = null;
            JsonToken token;
            while ((token = p.nextToken()) != null) {
                int line = p.currentTokenLocation().getLineNr();
                if (token == JsonToken.FIELD_NAME) {
                    pendingField = InvalidField.join(paths.isEmpty() ? "" : paths.peek(), p.currentName());
                    lines.putIfAbsent(pendingField, line);
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    paths.pop();
                    indexes.pop();
                    continue;
                }
                String path;
                if (pendingField != null) {
                    path = pendingField;
                    pendingField = null;
                } else if (!indexes.isEmpty() && indexes.peek()[0] >= 0) {
                    path = paths.peek() + "[" + indexes.peek()[0]++ + "]";
                    lines.putIfAbsent(path, line);
                } else {
                    path = "";
                }
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    paths.push(path);
                    indexes.push(new int[] {token == JsonToken.START_ARRAY ? 0 : -1});
                }
            }
        } catch (IOException | RuntimeException e) {
            // A document Jackson cannot tokenise has already been reported with Jackson's location.
        }
        return new YamlLocator(lines);
    }

    /** The line of the field, or of its nearest enclosing field that exists; -1 if none. */
    int line(String path) {
        String p = path;
        while (p != null && !p.isEmpty()) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            p = parent(p);
        }
        return -1;
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? null : path.substring(0, cut);
    }
}
