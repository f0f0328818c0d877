package io.crosscountry.samples.baselines;

import io.crosscountry.MathX;
import java.util.Arrays;

/**
 * Forward-mode dual numbers, the exact reference: every program slot carries its value and its
 * gradient with respect to all inputs (input {@code j} is seeded with {@code e_j}); each
 * instruction computes its value with the functions the method calls ({@code Math}, {@code MathX})
 * and its local partials with the rules written out in {@link #step}, independent of any other
 * derivative table, then sets {@code grad = ∂a·grad(a) + ∂b·grad(b)}.
 *
 * <p>Conventions where a derivative is not defined (the {@link io.crosscountry.elimination.Op}
 * semantics): abs has derivative 0 at 0; max and min pass on the selected operand's gradient (ties
 * to the first, a NaN operand is selected); for {@code pow}, {@code ∂x = y·x^(y−1)} (0 when
 * {@code y = 0}) and {@code ∂y = x^y·ln x} (0 at {@code x = 0}, NaN below); hypot has derivative 0
 * at the origin; stop_gradient has none. Float operations are differentiated as the exact real
 * operation. Values and gradients live in arrays allocated once.
 */
public final class DualNumbers implements JacobianMethod {

    /** The name in reports and benchmarks. */
    public static final String NAME = "dual-numbers";

    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);
    private static final double LN10 = Math.log(10.0);

    private final Program program;
    private final int n;
    private final double[] value;
    private final double[][] grad;

    // The result of the instruction being executed, set by step().
    private double result;
    private double da;
    private double db;
    private int source;       // the slot whose gradient a unary rule scales (max/min: the selected one)
    private boolean binary;   // whether db·grad(b) is added
    private boolean constant; // whether the gradient is zero

    /** Prepares dual-number evaluation of a compiled program. */
    public DualNumbers(Program program) {
        this.program = program;
        this.n = program.numInputs();
        this.value = new double[program.numSlots()];
        this.grad = new double[program.numSlots()][n];
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int numInputs() {
        return n;
    }

    @Override
    public int numOutputs() {
        return program.numOutputs();
    }

    /** The value of output {@code r} after the last {@link #jacobian} call. */
    public double outputValue(int r) {
        return value[program.output(r)];
    }

    @Override
    public void jacobian(double[] x, double[][] J) {
        propagate(x, J, false);
    }

    /**
     * The magnitude behind each Jacobian entry at {@code x}: the chain rule's products summed in
     * absolute value (|da|·|grad a| + |db|·|grad b| per instruction). An exact method may differ
     * from the dual numbers by rounding noise on that scale where the products cancel (an entry
     * that is exactly 0 by cancellation, e.g. ∂/∂u atan2(u, u) from both operands). Uses the
     * gradient storage: call {@link #jacobian} again before reading values.
     */
    public void magnitudes(double[] x, double[][] M) {
        propagate(x, M, true);
    }

    /** Runs the program at {@code x}, propagating gradients (or their magnitudes) into {@code out}. */
    private void propagate(double[] x, double[][] out, boolean magnitudes) {
        for (int j = 0; j < n; j++) {
            value[j] = x[j];
            Arrays.fill(grad[j], 0.0);
            grad[j][j] = 1.0;
        }
        for (int i = 0; i < program.size(); i++) {
            step(i);
            int s = n + i;
            value[s] = result;
            double[] g = grad[s];
            if (constant) {
                Arrays.fill(g, 0.0);
            } else if (magnitudes) {
                absoluteProducts(g, i);
            } else {
                products(g, i);
            }
        }
        for (int r = 0; r < out.length; r++) {
            System.arraycopy(grad[program.output(r)], 0, out[r], 0, n);
        }
    }

    /** g = da·grad(a) + db·grad(b) for instruction {@code i} (a unary rule scales its source's gradient). */
    private void products(double[] g, int i) {
        if (binary) {
            double[] ga = grad[program.a[i]];
            double[] gb = grad[program.b[i]];
            for (int j = 0; j < n; j++) {
                g[j] = da * ga[j] + db * gb[j];
            }
        } else {
            double[] ga = grad[source];
            for (int j = 0; j < n; j++) {
                g[j] = da * ga[j];
            }
        }
    }

    /** g = |da|·mag(a) + |db|·mag(b) for instruction {@code i}, where a zero magnitude stays 0 (0 · NaN). */
    private void absoluteProducts(double[] g, int i) {
        double[] ga = grad[binary ? program.a[i] : source];
        double[] gb = binary ? grad[program.b[i]] : null;
        for (int j = 0; j < n; j++) {
            double m = ga[j] == 0.0 ? 0.0 : Math.abs(da) * ga[j];
            if (gb != null && gb[j] != 0.0) {
                m += Math.abs(db) * gb[j];
            }
            g[j] = m;
        }
    }

    /** Computes instruction {@code i}'s value and local partials. */
    private void step(int i) {
        int op = program.code[i];
        double u = value[program.a[i]];
        double w = Opcode.readsB(op) ? value[program.b[i]] : 0.0;
        double k = program.k[i];
        source = program.a[i];
        binary = Opcode.readsB(op);
        constant = false;
        db = 0.0;
        switch (op) {
            case Opcode.CONST -> {
                result = k;
                constant = true;
            }
            case Opcode.STOP -> {
                result = u;
                constant = true;
            }
            case Opcode.FLOOR, Opcode.CEIL, Opcode.RINT, Opcode.SIGNUM, Opcode.ULP, Opcode.ULP_F -> {
                result = Opcode.piecewise(op, u);
                constant = true;
            }
            case Opcode.ROUND -> unary((float) u, 1.0);
            case Opcode.COPY -> unary(u, 1.0);
            case Opcode.NEG -> unary(-u, -1.0);
            case Opcode.ABS -> unary(Math.abs(u), Math.signum(u));
            case Opcode.SQRT -> {
                double r = Math.sqrt(u);
                unary(r, 0.5 / r);
            }
            case Opcode.CBRT -> {
                double r = Math.cbrt(u);
                unary(r, 1.0 / (3.0 * r * r));
            }
            case Opcode.EXP -> {
                double r = Math.exp(u);
                unary(r, r);
            }
            case Opcode.EXPM1 -> unary(Math.expm1(u), Math.exp(u));
            case Opcode.LOG -> unary(Math.log(u), 1.0 / u);
            case Opcode.LOG10 -> unary(Math.log10(u), 1.0 / (LN10 * u));
            case Opcode.LOG1P -> unary(Math.log1p(u), 1.0 / (1.0 + u));
            case Opcode.SIN -> unary(Math.sin(u), Math.cos(u));
            case Opcode.COS -> unary(Math.cos(u), -Math.sin(u));
            case Opcode.TAN -> {
                double r = Math.tan(u);
                unary(r, 1.0 + r * r);
            }
            case Opcode.ASIN -> unary(Math.asin(u), 1.0 / Math.sqrt((1.0 - u) * (1.0 + u)));
            case Opcode.ACOS -> unary(Math.acos(u), -1.0 / Math.sqrt((1.0 - u) * (1.0 + u)));
            case Opcode.ATAN -> unary(Math.atan(u), 1.0 / (1.0 + u * u));
            case Opcode.SINH -> unary(Math.sinh(u), Math.cosh(u));
            case Opcode.COSH -> unary(Math.cosh(u), Math.sinh(u));
            case Opcode.TANH -> {
                double c = Math.cosh(u);
                unary(Math.tanh(u), 1.0 / (c * c));
            }
            case Opcode.ASINH -> unary(MathX.asinh(u), 1.0 / Math.sqrt(u * u + 1.0));
            case Opcode.ACOSH -> unary(MathX.acosh(u), 1.0 / Math.sqrt((u - 1.0) * (u + 1.0)));
            case Opcode.ATANH -> unary(MathX.atanh(u), 1.0 / ((1.0 - u) * (1.0 + u)));
            case Opcode.ERF -> unary(MathX.erf(u), TWO_OVER_SQRT_PI * Math.exp(-u * u));
            case Opcode.LOGISTIC -> {
                double e = Math.exp(-Math.abs(u));
                unary(MathX.logistic(u), e / ((1.0 + e) * (1.0 + e)));
            }
            case Opcode.ADD -> binary(u + w, 1.0, 1.0);
            case Opcode.SUB -> binary(u - w, 1.0, -1.0);
            case Opcode.MUL -> binary(u * w, w, u);
            case Opcode.DIV -> {
                double r = u / w;
                binary(r, 1.0 / w, -r / w);
            }
            case Opcode.REM, Opcode.IEEE_REM -> {
                double r = op == Opcode.REM ? u % w : Math.IEEEremainder(u, w);
                binary(r, 1.0, -Opcode.quotient(u, w, r));
            }
            case Opcode.ATAN2 -> {
                double d = u * u + w * w;
                binary(Math.atan2(u, w), w / d, -u / d);
            }
            case Opcode.POW -> {
                double r = Math.pow(u, w);
                binary(r, powBase(u, w), powExponent(u, r));
            }
            case Opcode.HYPOT -> {
                double r = Math.hypot(u, w);
                binary(r, r == 0.0 ? 0.0 : u / r, r == 0.0 ? 0.0 : w / r);
            }
            case Opcode.NEXT_AFTER, Opcode.NEXT_AFTER_F -> unary(Opcode.nextAfter(op, u, w), 1.0);
            case Opcode.COPY_SIGN -> {
                double r = Math.copySign(u, w);
                unary(r, Math.signum(u) * Math.copySign(1.0, r));
            }
            case Opcode.MAX -> select(Math.max(u, w), u >= w || u != u, i);
            case Opcode.MIN -> select(Math.min(u, w), u <= w || u != u, i);
            case Opcode.ADD_K -> unary(u + k, 1.0);
            case Opcode.SUB_K -> unary(u - k, 1.0);
            case Opcode.K_SUB -> unary(k - u, -1.0);
            case Opcode.MUL_K -> unary(u * k, k);
            case Opcode.DIV_K -> unary(u / k, 1.0 / k);
            case Opcode.K_DIV -> {
                double r = k / u;
                unary(r, -r / u);
            }
            case Opcode.POW_K -> unary(Math.pow(u, k), powBase(u, k));
            case Opcode.K_POW -> {
                double r = Math.pow(k, u);
                unary(r, powExponent(k, r));
            }
            default -> throw new IllegalStateException("unknown opcode " + op);
        }
    }

    private void unary(double r, double partial) {
        result = r;
        da = partial;
        binary = false;
    }

    private void binary(double r, double partialA, double partialB) {
        result = r;
        da = partialA;
        db = partialB;
    }

    /** max/min: the value, and the gradient of the selected operand. */
    private void select(double r, boolean first, int i) {
        unary(r, 1.0);
        source = first ? program.a[i] : program.b[i];
    }

    private static double powBase(double x, double y) {
        return y == 0.0 ? 0.0 : y * Math.pow(x, y - 1.0);
    }

    private static double powExponent(double x, double r) {
        return x > 0.0 ? r * Math.log(x) : (x == 0.0 ? 0.0 : Double.NaN);
    }
}
