package io.crmlake.etl.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Progress and summaries for people, on standard output, UTF-8 regardless of the platform default. */
final class Console {

    static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private Console() {}

    static void line(String text) {
        OUT.println(text);
    }

    static void heading(String text) {
        OUT.println("== " + text);
    }

    static String seconds(long millis) {
        return String.format("%.1f s", millis / 1000.0);
    }
}
