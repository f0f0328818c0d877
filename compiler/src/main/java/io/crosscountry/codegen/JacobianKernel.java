package io.crosscountry.codegen;

/**
 * Implemented by generated classes: one part of a compiled Jacobian. Public because generated
 * classes may be defined in other packages; not an API for users (use {@link CompiledPath}).
 */
public interface JacobianKernel {

    /** The internal name of this interface. */
    String INTERNAL_NAME = "io/crosscountry/codegen/JacobianKernel";

    /** The bit of {@link #run}'s result that says a guard failed (the call left the traced path). */
    int GUARD_FAILED = 1;

    /**
     * The bit of {@link #run}'s result that says a row of {@code J} does not have one entry per
     * input: the part returned before writing that row (rows before it may be written).
     */
    int WRONG_ROW_LENGTH = 2;

    /**
     * Runs this part.
     *
     * @param x the flattened inputs
     * @param w the work array that carries values between parts
     * @param J the Jacobian, {@code [outputs][inputs]}
     * @return 0, or {@link #GUARD_FAILED} (forward parts only) and/or {@link #WRONG_ROW_LENGTH}
     */
    int run(double[] x, double[] w, double[][] J);
}
