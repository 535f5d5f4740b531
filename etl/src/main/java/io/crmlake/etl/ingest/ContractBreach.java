package io.crmlake.etl.ingest;

/**
 * A whole file or batch that cannot be taken (wrong header, changed after loading, reconciliation
 * broken). The message is one sentence for the user: what is wrong and what to do.
 */
public class ContractBreach extends RuntimeException {
    public ContractBreach(String message) {
        super(message);
    }
}
