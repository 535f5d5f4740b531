package io.crmlake.etl.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmlake.warehouse.catalog.Catalog;
import io.crmlake.warehouse.catalog.LandingEntity;
import io.crmlake.warehouse.catalog.QuarantineReason;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowValidatorTest {

    private static final LandingEntity TXN = Catalog.get().landing("transactions");
    private static final String HEADER = String.join(",", TXN.fieldNames());
    private static final RowValidator CSV = RowValidator.csv(TXN, HEADER, "transactions/2024-01/t.csv");

    private static ValidatedRow check(String line) {
        return CSV.validate(new LandingRecord(2, line, true));
    }

    @Test
    void aGoodRowIsTyped() {
        ValidatedRow row = check("T1,C1,2024-03-05T14:22:10+08:00,123.40,purchase,P1,CH,O1,2,80.00,CNY");
        assertThat(row.isGood()).isTrue();
        assertThat(row.values()[2]).isEqualTo(Instant.parse("2024-03-05T06:22:10Z"));
        assertThat(row.values()[3]).isEqualTo(new BigDecimal("123.40"));
        assertThat(row.values()[8]).isEqualTo(2);
    }

    @Test
    void eachDefectGetsItsReasonAndField() {
        assertReason("T1,,2024-03-05T14:22:10+08:00,1.00,purchase,,,,,,", QuarantineReason.MISSING_REQUIRED, "customer_id");
        assertReason("T1,C1,2024-03-05 14:22,1.00,purchase,,,,,,", QuarantineReason.UNPARSEABLE_TIMESTAMP, "txn_ts");
        assertReason("T1,C1,2024-03-05T14:22:10,1.00,purchase,,,,,,", QuarantineReason.UNPARSEABLE_TIMESTAMP, "txn_ts");
        assertReason("T1,C1,2024-03-05T14:22:10+08:00,\"12,3O\",purchase,,,,,,", QuarantineReason.UNPARSEABLE_DECIMAL, "amount");
        assertReason("T1,C1,2024-03-05T14:22:10+08:00,1.005,purchase,,,,,,", QuarantineReason.UNPARSEABLE_DECIMAL, "amount");
        assertReason("T1,C1,2024-03-05T14:22:10+08:00,1E3,purchase,,,,,,", QuarantineReason.UNPARSEABLE_DECIMAL, "amount");
        assertReason("T1,C1,2024-03-05T14:22:10+08:00,1.00,purchse,,,,,,", QuarantineReason.UNKNOWN_CODE, "txn_type");
        assertReason("T1,C1,2024-03-05T14:22:10+08:00,1.00,purchase,,,,two,,", QuarantineReason.UNPARSEABLE_INTEGER, "quantity");
        assertReason("T1,C1,2024-03-05T14:22:10+08:00,1.00,purchase,,,,,", QuarantineReason.WRONG_COLUMN_COUNT, null);
        assertReason("", QuarantineReason.WRONG_COLUMN_COUNT, null);
    }

    @Test
    void invalidUtf8IsCaughtPerLineNotPerFile() {
        byte[] bad = "T2,C1,2024-03-05T14:22:10+08:00,1.00,purchase,P\u00ff,,,,,".getBytes(StandardCharsets.ISO_8859_1);
        byte[] file = concat(HEADER.getBytes(StandardCharsets.UTF_8), "\n".getBytes(),
                "T1,C1,2024-03-05T14:22:10+08:00,1.00,purchase,,,,,,\n".getBytes(StandardCharsets.UTF_8), bad, "\n".getBytes());
        List<LandingRecord> records = LandingFileSplitter.split(file, true);
        assertThat(records).extracting(LandingRecord::rowNumber).containsExactly(1L, 2L, 3L);
        assertThat(CSV.validate(records.get(1)).isGood()).isTrue();
        assertThat(CSV.validate(records.get(2)).reason()).isEqualTo(QuarantineReason.INVALID_UTF8);
    }

    @Test
    void aQuotedFieldMaySpanLinesAndKeepsItsFirstLineNumber() {
        LandingEntity customers = Catalog.get().landing("customers");
        String header = String.join(",", customers.fieldNames());
        String file = header + "\nC1,2024-01-01T00:00:00+08:00,\"Wang\nFang\",F,,,,,,,,,,,,,,\nC2,2024-01-01T00:00:00+08:00,Li,M,,,,,,,,,,,,,,\n";
        List<LandingRecord> records = LandingFileSplitter.split(file.getBytes(StandardCharsets.UTF_8), true);
        assertThat(records).extracting(LandingRecord::rowNumber).containsExactly(1L, 2L, 4L);
        ValidatedRow row = RowValidator.csv(customers, header, "c.csv").validate(records.get(1));
        assertThat(row.isGood()).as(String.valueOf(row.detail())).isTrue();
        assertThat(row.values()[2]).isEqualTo("Wang\nFang");
    }

    @Test
    void aHeaderWithoutARequiredColumnRefusesTheFileNamingIt() {
        assertThatThrownBy(() -> RowValidator.csv(TXN, "txn_id,customer_id,amount", "transactions/2024-01/t.csv"))
                .isInstanceOf(ContractBreach.class)
                .hasMessageContaining("transactions/2024-01/t.csv line 1")
                .hasMessageContaining("[txn_ts]");
        assertThatThrownBy(() -> RowValidator.csv(TXN, HEADER + ",loyalty_points", "t.csv"))
                .hasMessageContaining("unknown column(s) [loyalty_points]");
    }

    @Test
    void jsonLinesAreCheckedFieldByField() {
        RowValidator json = RowValidator.jsonLines(TXN);
        ValidatedRow good = json.validate(new LandingRecord(1,
                "{\"txn_id\":\"T1\",\"customer_id\":\"C1\",\"txn_ts\":\"2024-03-05T14:22:10+08:00\",\"amount\":12.50}", true));
        assertThat(good.isGood()).isTrue();
        assertThat(good.values()[3]).isEqualTo(new BigDecimal("12.50"));
        ValidatedRow extra = json.validate(new LandingRecord(2,
                "{\"txn_id\":\"T1\",\"customer_id\":\"C1\",\"txn_ts\":\"2024-03-05T14:22:10+08:00\",\"amount\":1,\"x\":1}", true));
        assertThat(extra.reason()).isEqualTo(QuarantineReason.UNKNOWN_FIELD);
        assertThat(json.validate(new LandingRecord(3, "[1,2]", true)).reason()).isEqualTo(QuarantineReason.WRONG_COLUMN_COUNT);
    }

    private static void assertReason(String line, QuarantineReason reason, String field) {
        ValidatedRow row = check(line);
        assertThat(row.reason()).as(line).isEqualTo(reason);
        assertThat(row.field()).as(line).isEqualTo(field);
        assertThat(row.detail()).as(line).isNotBlank();
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
