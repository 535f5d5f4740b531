package io.crmlake.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmlake.etl.support.Landing;
import io.crmlake.etl.support.SharedSpark;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Wrong paths, missing batches and corrupt files give one sentence and exit code 2, not a stack trace. */
class CliErrorsTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void spark() {
        SharedSpark.session();
    }

    private record Outcome(int code, String err) {}

    private Outcome run(String... args) {
        CommandLine cli = Crmlake.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Outcome(code, err.toString());
    }

    @Test
    void aWrongLakePathSaysWhatToDo() {
        Outcome o = run("ingest", "--lake", dir.resolve("nowhere").toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).startsWith("crmlake ingest: no landing zone at ")
                .contains("crmlake generate")
                .doesNotContain("\tat ");
    }

    @Test
    void aMissingBatchIsNamed() {
        new Landing(dir.resolve("lake/landing")).batch("customers", "2024-01")
                .row("customer_id=C1", "updated_at=2024-01-01T00:00:00+08:00").write();
        new Landing(dir.resolve("lake/landing")).batch("transactions", "2024-01")
                .row("txn_id=T1", "customer_id=C1", "txn_ts=2024-01-02T00:00:00+08:00", "amount=1.00").write();
        Outcome o = run("ingest", "--lake", dir.resolve("lake").toString(), "--batch", "2099-01");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("no complete batch '2099-01'").doesNotContain("\tat ");
    }

    @Test
    void aCorruptFileIsNamedWithItsLine() throws Exception {
        Path batch = dir.resolve("lake/landing/customers/2024-01");
        Files.createDirectories(batch);
        Files.writeString(batch.resolve("customers.csv"), "id,when\nC1,2024\n");
        Files.writeString(batch.resolve("_SUCCESS"), "");
        new Landing(dir.resolve("lake/landing")).batch("transactions", "2024-01")
                .row("txn_id=T1", "customer_id=C1", "txn_ts=2024-01-02T00:00:00+08:00", "amount=1.00").write();
        Outcome o = run("ingest", "--lake", dir.resolve("lake").toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("customers/2024-01/customers.csv line 1: unknown column(s) [id, when]")
                .doesNotContain("\tat ");
    }

    @Test
    void aBrokenConfigurationNamesFileLineAndField() throws Exception {
        Path config = dir.resolve("crmlake.yml");
        Files.writeString(config, "lake: x\ntimezone: Mars/Olympus\n");
        Outcome o = run("status", "--config", config.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains(config + " line 2").contains("timezone").contains("Mars/Olympus");
    }
}
