package io.crmlake.warehouse.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DataDictionaryTest {

    @Test
    void committedDictionaryMatchesTheCatalog() throws Exception {
        Path committed = Path.of("..", "docs", "data-dictionary.md");
        String expected = DataDictionary.markdown(Catalog.get());
        assertThat(committed).as("docs/data-dictionary.md exists; run ./crmlake docs").exists();
        assertThat(Files.readString(committed))
                .as("docs/data-dictionary.md is stale: run ./crmlake docs and commit the result")
                .isEqualTo(expected);
    }

    @Test
    void ddlCarriesCommentsNotNullAndPartitioning() {
        String ddl = DeltaDdl.createTable(Catalog.get().table("fact_transaction"), DeltaDdl.pathTarget("/lake/gold/fact_transaction"));
        assertThat(ddl)
                .startsWith("CREATE TABLE IF NOT EXISTS delta.`/lake/gold/fact_transaction` (")
                .contains("`txn_id` STRING NOT NULL COMMENT 'Transaction id (degenerate dimension)'")
                .contains("`amount` DECIMAL(18,2) NOT NULL COMMENT")
                .contains("PARTITIONED BY (`month_key`)")
                .contains("USING DELTA");
    }

    @Test
    void silverTablesKeepRowChangesAsDeletionVectorsAndGoldDoesNot() {
        String silver = DeltaDdl.createTable(Catalog.get().table("silver_transactions"), DeltaDdl.pathTarget("/lake/silver/silver_transactions"));
        assertThat(silver).endsWith("TBLPROPERTIES ('delta.enableDeletionVectors' = 'true')");
        String gold = DeltaDdl.createTable(Catalog.get().table("fact_transaction"), DeltaDdl.pathTarget("/lake/gold/fact_transaction"));
        assertThat(gold).doesNotContain("TBLPROPERTIES");
    }

    @Test
    void literalsEscapeQuotes() {
        assertThat(DeltaDdl.literal("it's")).isEqualTo("'it\\'s'");
    }
}
