package io.crmlake.etl.ingest;

/** rows in = rows loaded + rows quarantined, for every batch; anything else stops the run. */
public final class Reconciliation {

    private Reconciliation() {}

    public static void require(LandingBatch batch, BatchResult result) {
        if (!result.reconciles()) {
            throw new ContractBreach("reconciliation failed for " + batch.label() + ": "
                    + result.rowsRead() + " rows in but " + result.rowsLoaded() + " loaded + "
                    + result.rowsQuarantined() + " quarantined; the batch is not marked loaded. "
                    + "Run `crmlake ingest --batch " + batch.batchId() + " --force` once more, and report it if it persists");
        }
    }
}
