package io.crosscountry.codegen;

/**
 * Implemented by generated classes: one part of a compiled Jacobian. Public because generated
 * classes may be defined in other packages; not an API for users (use {@link CompiledPath}).
 */
public interface JacobianKernel {

    /** The internal name of this interface. */
    String INTERNAL_NAME = "io/crosscountry/codegen/JacobianKernel";

    /**
     * Runs this part.
     *
     * @param x the flattened inputs
     * @param w the work array that carries values between parts
     * @param J the Jacobian, {@code [outputs][inputs]}
     * @return non-zero when a guard failed (forward parts only; elimination parts return 0)
     */
    int run(double[] x, double[] w, double[][] J);
}
