package io.crmlake.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmlake.etl.support.SharedSpark;
import io.crmlake.warehouse.rules.RuleSets;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A broken rules folder stops the segment and contribution marts before anything is written. */
class BrokenSegmentRulesTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void spark() {
        SharedSpark.session();
    }

    @Test
    void overlappingBandsAreNamedWithFileLineAndFieldAndNoMartIsWritten() throws IOException {
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules);
        Path shipped = shippedRules();
        for (String file : RuleSets.FILES) {
            Files.copy(shipped.resolve(file), rules.resolve(file));
        }
        Path segments = rules.resolve(RuleSets.SEGMENTS);
        String text = Files.readString(segments);
        // high starts at 200 inclusive while mid ends at 200 inclusive: an overlap.
        Files.writeString(segments, text.replace("lower: {value: 200, inclusive: false}", "lower: {value: 200, inclusive: true}"));
        Path lake = dir.resolve("lake");
        for (List<String> command : List.of(List.of("marts", "migration"), List.of("marts", "contribution"), List.of("marts"))) {
            CommandLine cli = Crmlake.commandLine();
            StringWriter err = new StringWriter();
            cli.setErr(new PrintWriter(err, true));
            List<String> args = new java.util.ArrayList<>(command);
            args.addAll(List.of("--lake", lake.toString(), "--rules", rules.toString(), "--as-of", "2025-02-28"));
            int code = cli.execute(args.toArray(String[]::new));
            assertThat(code).as(String.join(" ", command)).isEqualTo(2);
            assertThat(err.toString())
                    .contains("segments.yml line ")
                    .contains("field schemes[0].bands[2].lower.inclusive")
                    .contains("overlap at 200")
                    .doesNotContain("\tat ");
        }
        assertThat(lake.resolve("mart")).doesNotExist();
    }

    private static Path shippedRules() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve(RuleSets.DEFAULT_DIR))) {
            p = p.getParent();
        }
        return p.resolve(RuleSets.DEFAULT_DIR);
    }
}
