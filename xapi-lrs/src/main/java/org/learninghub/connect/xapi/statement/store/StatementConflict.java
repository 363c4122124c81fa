package org.learninghub.connect.xapi.statement.store;

/**
 * A concurrent request stored a row this one was inserting (same statement id, attachment or activity)
 * between our check and our insert. The transaction is rolled back; running the request again sees
 * the other row and decides by the immutability rules.
 */
public class StatementConflict extends RuntimeException {

    public StatementConflict(Throwable cause) {
        super("concurrent insert of the same key", cause);
    }
}
