package io.crmlake.etl.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a landing file's bytes into logical records. Lines are decoded one at a time, strictly,
 * so that one row with invalid UTF-8 is quarantined instead of failing the whole file. For CSV,
 * a line that ends inside a quoted field continues on the next line (RFC 4180 allows line
 * breaks in quoted fields); the record keeps the number of its first line.
 */
public final class LandingFileSplitter {

    private LandingFileSplitter() {}

    public static List<LandingRecord> split(byte[] content, boolean csvQuotes) {
        List<LandingRecord> records = new ArrayList<>();
        int start = 0;
        long line = 0;
        StringBuilder pending = null;
        long pendingLine = 0;
        boolean pendingValid = true;
        while (start < content.length) {
            int end = start;
            while (end < content.length && content[end] != '\n') {
                end++;
            }
            int stop = end > start && content[end - 1] == '\r' ? end - 1 : end;
            line++;
            boolean valid = true;
            String text;
            try {
                text = strictDecoder().decode(ByteBuffer.wrap(content, start, stop - start)).toString();
            } catch (CharacterCodingException e) {
                valid = false;
                text = new String(content, start, stop - start, StandardCharsets.UTF_8);
            }
            if (pending != null) {
                pending.append('\n').append(text);
                pendingValid &= valid;
                if (!csvQuotes || quotesBalanced(pending)) {
                    records.add(new LandingRecord(pendingLine, pending.toString(), pendingValid));
                    pending = null;
                }
            } else if (csvQuotes && !quotesBalanced(text)) {
                pending = new StringBuilder(text);
                pendingLine = line;
                pendingValid = valid;
            } else {
                records.add(new LandingRecord(line, text, valid));
            }
            start = end + 1;
        }
        if (pending != null) {
            // An unterminated quote at the end of the file: keep the record; the parser reports it.
            records.add(new LandingRecord(pendingLine, pending.toString(), pendingValid));
        }
        return records;
    }

    private static CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** An even number of quote characters means no quoted field is left open ("" is an escaped quote). */
    private static boolean quotesBalanced(CharSequence text) {
        int quotes = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '"') {
                quotes++;
            }
        }
        return quotes % 2 == 0;
    }
}
