package io.crosscountry.samples.baselines;

/**
 * Central finite differences on the original method: for each input {@code j},
 * {@code J[·][j] = (f(x + h e_j) − f(x − h e_j)) / (2h)} with {@code h = cbrt(ε)·max(1, |x_j|)}, so
 * {@code 2n} calls of the method per Jacobian. The divisor is the step actually taken,
 * {@code (x_j + h) − (x_j − h)}, which removes the rounding of {@code x_j ± h} from the error.
 *
 * <p>Accurate to roughly {@code ε^(2/3)} relative where the function is smooth; wrong across kinks
 * (abs, max, min) closer than {@code h}.
 */
public final class CentralDifferences implements JacobianMethod {

    /** The name in reports and benchmarks. */
    public static final String NAME = "central-differences";

    private static final double CBRT_EPS = Math.cbrt(Math.ulp(1.0));

    private final OriginalFunction function;
    private final double[] point;
    private final double[] plus;
    private final double[] minus;

    /** Central differences on this function. */
    public CentralDifferences(OriginalFunction function) {
        this.function = function;
        this.point = new double[function.numInputs()];
        this.plus = new double[function.numOutputs()];
        this.minus = new double[function.numOutputs()];
    }

    /** The step for an input of this value. */
    public static double step(double x) {
        return CBRT_EPS * Math.max(1.0, Math.abs(x));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int numInputs() {
        return point.length;
    }

    @Override
    public int numOutputs() {
        return plus.length;
    }

    @Override
    public void jacobian(double[] x, double[][] J) {
        System.arraycopy(x, 0, point, 0, point.length);
        for (int j = 0; j < point.length; j++) {
            double h = step(x[j]);
            double up = x[j] + h;
            double down = x[j] - h;
            point[j] = up;
            function.evaluate(point, plus);
            point[j] = down;
            function.evaluate(point, minus);
            point[j] = x[j];
            double width = up - down;
            for (int r = 0; r < plus.length; r++) {
                J[r][j] = (plus[r] - minus[r]) / width;
            }
        }
    }
}
