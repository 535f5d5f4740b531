package io.crmlake.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmlake.etl.support.SharedSpark;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A broken rules file stops `crmlake marts warnings|kpi` before anything is written. */
class BrokenKpiTargetsTest {

    @TempDir
    Path dir;

    @Test
    void aBrokenTargetIsNamedByFileLineAndFieldAndNothingIsWritten() throws IOException {
        SharedSpark.session();
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules);
        Path shipped = projectRoot().resolve("conf/rules");
        try (Stream<Path> files = Files.list(shipped)) {
            for (Path f : files.toList()) {
                Files.copy(f, rules.resolve(f.getFileName()));
            }
        }
        Path targets = rules.resolve("kpi-targets.yml");
        String text = Files.readString(targets);
        Files.writeString(targets, text.replaceFirst("threshold: 7.5\n    unit: percent", "threshold: 7.5\n    unit: amount"));
        int line = lineOf(Files.readAllLines(targets), "unit: amount");

        for (String mart : List.of("kpi", "warnings")) {
            CommandLine cli = Crmlake.commandLine();
            StringWriter err = new StringWriter();
            cli.setErr(new PrintWriter(err, true));
            int code = cli.execute("marts", mart, "--lake", dir.resolve("lake").toString(), "--rules", rules.toString(),
                    "--as-of", "2025-01-31");
            assertThat(code).isEqualTo(2);
            assertThat(err.toString())
                    .contains(targets + " line " + line + ", field targets[0].unit")
                    .contains("churn_rate is measured in percent")
                    .doesNotContain("\tat ");
        }
        assertThat(dir.resolve("lake/mart")).doesNotExist();
    }

    private static int lineOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line contains " + text);
    }

    private static Path projectRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("conf/rules"))) {
            p = p.getParent();
        }
        return p;
    }
}
