package io.crosscountry;

/** A saved elimination order was made for a different graph (its fingerprint does not match). */
public class OrderMismatchException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String expectedFingerprint;
    private final String actualFingerprint;

    public OrderMismatchException(String source, String savedFor, String graphFingerprint) {
        super("order " + source + " was saved for the graph with fingerprint " + savedFor
                + ", but this graph has fingerprint " + graphFingerprint
                + " (the method changed, or the order belongs to another method)");
        this.expectedFingerprint = savedFor;
        this.actualFingerprint = graphFingerprint;
    }

    /** The fingerprint the order was saved for. */
    public String savedFingerprint() {
        return expectedFingerprint;
    }

    /** The fingerprint of the graph it was applied to. */
    public String graphFingerprint() {
        return actualFingerprint;
    }
}
