package io.crosscountry.samples.baselines;

/**
 * One way of computing a sample's full Jacobian: the common face of every runtime baseline.
 *
 * <p>Inputs are the sample's flattened double arguments (parameter order, arrays row-major), as in
 * the graph; {@code J[r][j]} is the derivative of output {@code r} with respect to input {@code j}.
 * An instance owns its work arrays, so it is not thread-safe; it is reusable, and a call writes
 * every entry of {@code J}.
 */
public interface JacobianMethod {

    /** A short stable name for reports and benchmarks (e.g. {@code "tape-reverse"}). */
    String name();

    /** The number of inputs (columns of the Jacobian). */
    int numInputs();

    /** The number of outputs (rows of the Jacobian). */
    int numOutputs();

    /**
     * Computes the Jacobian at {@code x} into a caller-owned array.
     *
     * @param x the inputs, length {@link #numInputs()}
     * @param J the result, {@link #numOutputs()} rows of length {@link #numInputs()}
     */
    void jacobian(double[] x, double[][] J);

    /** Computes the Jacobian at {@code x} into a new array. */
    default double[][] jacobian(double[] x) {
        double[][] J = new double[numOutputs()][numInputs()];
        jacobian(x, J);
        return J;
    }
}
