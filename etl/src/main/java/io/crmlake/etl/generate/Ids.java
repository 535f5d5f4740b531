package io.crmlake.etl.generate;

/**
 * Id sequences. Good rows take ids from the low range; defect rows from their own high range,
 * so a dirty run never shifts the ids (and bytes) of the good rows of the clean run.
 */
final class Ids {

    private static final long DEFECT_BASE = 900_000_000L;

    private long txn;
    private long touchpoint;
    private long account;
    private long defect = DEFECT_BASE;
    private long orphan;

    String txn() {
        return String.format("T%010d", ++txn);
    }

    String touchpoint() {
        return String.format("TP%09d", ++touchpoint);
    }

    String account() {
        return String.format("A%08d", ++account);
    }

    /** A fresh key for a defect row of the given entity. */
    String defectKey(String entity) {
        long n = ++defect;
        return switch (entity) {
            case "transactions" -> String.format("T%010d", n);
            case "touchpoints" -> String.format("TP%09d", n);
            case "accounts" -> String.format("A%08d", n);
            default -> throw new IllegalArgumentException(entity);
        };
    }

    /** A customer id that no batch ever delivers. */
    String orphanCustomer() {
        return String.format("ORPHAN-%06d", ++orphan);
    }
}
