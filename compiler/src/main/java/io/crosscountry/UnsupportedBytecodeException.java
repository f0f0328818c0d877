package io.crosscountry;

/**
 * The analysis met bytecode it cannot turn into a graph: an unknown call, a field write, an
 * {@code invokedynamic}, a loop whose bound depends on a double, and so on. The message names the
 * instruction, the method and the source line.
 */
public class UnsupportedBytecodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String instruction;
    private final String method;
    private final int line;

    /**
     * @param instruction the offending instruction, e.g. {@code "INVOKEVIRTUAL java/io/PrintStream.println"}
     * @param method      the method containing it, as {@code owner.name(descriptor)}
     * @param line        the source line, or {@code -1} when the class has no line numbers
     * @param reason      why it is not supported
     */
    public UnsupportedBytecodeException(String instruction, String method, int line, String reason) {
        super(reason + ": " + instruction + " in " + method + (line >= 0 ? " at line " + line : " (no line numbers)"));
        this.instruction = instruction;
        this.method = method;
        this.line = line;
    }

    /** The offending instruction. */
    public String instruction() {
        return instruction;
    }

    /** The method containing it, as {@code owner.name(descriptor)}. */
    public String method() {
        return method;
    }

    /** The source line, or {@code -1} when unknown. */
    public int line() {
        return line;
    }
}
