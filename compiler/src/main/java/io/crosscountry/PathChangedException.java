package io.crosscountry;

/**
 * A compiled Jacobian was called with arguments that take another path through the method than
 * the traced one (a comparison of doubles came out differently), and retracing is disabled (see
 * {@link CompiledJacobian#withRetracing(boolean)}).
 */
public final class PathChangedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String method;
    private final int line;

    /**
     * @param message the explanation
     * @param method  the method of the comparison, as {@code owner.name(descriptor)}
     * @param line    its source line, or -1
     */
    public PathChangedException(String message, String method, int line) {
        super(message);
        this.method = method;
        this.line = line;
    }

    /** The method containing the comparison whose outcome changed, as {@code owner.name(descriptor)}. */
    public String method() {
        return method;
    }

    /** The comparison's source line, or -1 when unknown. */
    public int line() {
        return line;
    }
}
