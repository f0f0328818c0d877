package io.crosscountry.samples.baselines;

import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * Graph-driven forward mode with Hipparchus {@link DerivativeStructure}s of order 1 in all inputs
 * ({@code new DSFactory(n, 1)}), Hipparchus's general multivariate Taylor type. See
 * {@link HipparchusForward}.
 */
public final class DerivativeStructureForward extends HipparchusForward<DerivativeStructure> {

    /** The name in reports and benchmarks. */
    public static final String NAME = "hipparchus-ds";

    private final DSFactory factory;
    /** Where d/dx_j sits in {@link DerivativeStructure#getAllDerivatives()}. */
    private final int[] index;

    /** Prepares forward mode for a compiled program. */
    public DerivativeStructureForward(Program program) {
        super(program);
        int n = program.numInputs();
        this.factory = new DSFactory(n, 1);
        this.index = new int[n];
        for (int j = 0; j < n; j++) {
            int[] orders = new int[n];
            orders[j] = 1;
            index[j] = factory.getCompiler().getPartialDerivativeIndex(orders);
        }
        initConstants();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    DerivativeStructure variable(int index, double value) {
        return factory.variable(index, value);
    }

    @Override
    DerivativeStructure constant(double value) {
        return factory.constant(value);
    }

    @Override
    DerivativeStructure powConstantBase(double base, DerivativeStructure exponent) {
        return DerivativeStructure.pow(base, exponent);
    }

    @Override
    void readRow(DerivativeStructure output, double[] row) {
        double[] all = output.getAllDerivatives();
        for (int j = 0; j < row.length; j++) {
            row[j] = all[index[j]];
        }
    }
}
