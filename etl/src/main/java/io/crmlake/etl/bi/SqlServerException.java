package io.crmlake.etl.bi;

/**
 * A reason the SQL server cannot start, as one sentence for the user (what is wrong, what to do).
 * The Hive or Thrift failure behind it is kept as a suppressed exception, so that
 * CRMLAKE_DEBUG=1 still shows it while the CLI prints only the sentence.
 */
public final class SqlServerException extends IllegalArgumentException {

    public SqlServerException(String sentence) {
        super(sentence);
    }

    public SqlServerException(String sentence, Throwable detail) {
        super(sentence);
        if (detail != null) {
            addSuppressed(detail);
        }
    }
}
