package io.crosscountry.samples.baselines;

import org.hipparchus.analysis.differentiation.Gradient;

/**
 * Graph-driven forward mode with Hipparchus {@link Gradient} (first-order derivatives with respect
 * to all inputs at once, one {@code double[]} per value). See {@link HipparchusForward}.
 */
public final class GradientForward extends HipparchusForward<Gradient> {

    /** The name in reports and benchmarks. */
    public static final String NAME = "hipparchus-gradient";

    private final int n;

    /** Prepares forward mode for a compiled program. */
    public GradientForward(Program program) {
        super(program);
        this.n = program.numInputs();
        initConstants();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    Gradient variable(int index, double value) {
        return Gradient.variable(n, index, value);
    }

    @Override
    Gradient constant(double value) {
        return Gradient.constant(n, value);
    }

    @Override
    Gradient powConstantBase(double base, Gradient exponent) {
        return Gradient.pow(base, exponent);
    }

    @Override
    void readRow(Gradient output, double[] row) {
        for (int j = 0; j < n; j++) {
            row[j] = output.getPartialDerivative(j);
        }
    }
}
