package io.crmlake.warehouse.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CatalogTest {

    private final Catalog catalog = Catalog.get();

    @Test
    void derivesOneBronzeTablePerLandingEntityWithLineage() {
        Table bronze = catalog.table("bronze_transactions");
        assertThat(bronze.layer()).isEqualTo(Layer.BRONZE);
        assertThat(bronze.columnNames()).startsWith("txn_id", "customer_id", "txn_ts", "amount")
                .endsWith("_batch_id", "_source_file", "_row_number", "_loaded_at");
        assertThat(bronze.column("txn_id").orElseThrow().nullable()).isFalse();
        assertThat(bronze.column("product_id").orElseThrow().nullable()).isTrue();
        assertThat(bronze.partitionBy()).containsExactly("_batch_id");
    }

    @Test
    void onlyCustomersAndTransactionsAreRequiredDeliveries() {
        assertThat(catalog.landingEntities().stream().filter(LandingEntity::required).map(LandingEntity::name))
                .containsExactly("customers", "transactions");
    }

    @Test
    void storesJsonAndEnumFieldsAsStrings() {
        Column attributes = catalog.landing("customers").field("attributes").orElseThrow();
        assertThat(attributes.type().kind()).isEqualTo(DataType.Kind.JSON);
        assertThat(catalog.table("bronze_customers").column("attributes").orElseThrow().type())
                .isEqualTo(DataType.STRING);
        assertThat(catalog.landing("touchpoints").field("channel").orElseThrow().values())
                .contains("sms", "phone", "visit");
    }

    @Test
    void everyColumnOfEveryTableHasAComment() {
        assertThat(catalog.tables()).allSatisfy(t ->
                assertThat(t.columns()).allSatisfy(c -> assertThat(c.comment()).isNotBlank()));
    }
}
