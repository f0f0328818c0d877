package io.crosscountry.samples.baselines;

import io.crosscountry.MathX;
import org.hipparchus.analysis.differentiation.Derivative;

/**
 * Forward mode with Hipparchus operator-overloading types, driven by a {@link Program}: each call
 * seeds one variable per input, then executes the program instruction by instruction with
 * Hipparchus arithmetic ({@code a.multiply(b)}, {@code a.sin()}, …), one {@code switch} on an int
 * per instruction. It stands in for the same computation written by hand with Hipparchus types.
 *
 * <p>Values come from Hipparchus ({@code FastMath}), so they may differ from {@code java.lang.Math}
 * in the last bit. Where Hipparchus has no such function, or its convention differs from the
 * {@link io.crosscountry.elimination.Op} semantics, the derivative is composed by the chain rule
 * ({@code compose(f, f')}):
 * <ul>
 *   <li>erf: {@code 2/√π·exp(−x²)}; logistic: {@code σ(1−σ)};</li>
 *   <li>abs: derivative 0 at 0 (Hipparchus uses the sign bit there);</li>
 *   <li>max/min: the selected operand (ties to the first, a NaN operand is selected);</li>
 *   <li>pow with a base ≤ 0: {@code ∂x = y·x^(y−1)}, {@code ∂y} 0 at {@code x = 0} and NaN below
 *       (Hipparchus computes {@code exp(y·log x)}, NaN for every {@code x ≤ 0});</li>
 *   <li>stop_gradient: a constant with the operand's value.</li>
 * </ul>
 *
 * @param <T> the Hipparchus derivative type
 */
abstract class HipparchusForward<T extends Derivative<T>> implements JacobianMethod {

    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);

    private final Program program;
    private final int numInputs;
    private final int[] code;
    private final int[] a;
    private final int[] b;
    private final double[] k;
    /** The value of each {@code CONST} instruction, created once (Hipparchus types are immutable). */
    private final T[] constants;
    private final T[] slots;

    @SuppressWarnings("unchecked")
    HipparchusForward(Program program) {
        this.program = program;
        this.numInputs = program.numInputs();
        this.code = program.code;
        this.a = program.a;
        this.b = program.b;
        this.k = program.k;
        this.constants = (T[]) new Derivative<?>[program.size()];
        this.slots = (T[]) new Derivative<?>[program.numSlots()];
    }

    /** Creates the constants; called by subclasses once their fields are set. */
    final void initConstants() {
        for (int i = 0; i < code.length; i++) {
            if (code[i] == Opcode.CONST) {
                constants[i] = constant(k[i]);
            }
        }
    }

    /** Input {@code index} as an independent variable with this value. */
    abstract T variable(int index, double value);

    /** A constant (zero derivative). */
    abstract T constant(double value);

    /** {@code base^exponent} for a literal base {@code > 0} (Hipparchus's static {@code pow}). */
    abstract T powConstantBase(double base, T exponent);

    /** Copies the derivatives of {@code output} with respect to every input into {@code row}. */
    abstract void readRow(T output, double[] row);

    @Override
    public final int numInputs() {
        return numInputs;
    }

    @Override
    public final int numOutputs() {
        return program.numOutputs();
    }

    @Override
    public final void jacobian(double[] x, double[][] J) {
        T[] s = slots;
        for (int j = 0; j < numInputs; j++) {
            s[j] = variable(j, x[j]);
        }
        run(s);
        for (int r = 0; r < J.length; r++) {
            readRow(s[program.output(r)], J[r]);
        }
    }

    /** Executes the program on slots whose inputs are set. */
    private void run(T[] s) {
        int[] code = this.code;
        int[] a = this.a;
        int[] b = this.b;
        double[] k = this.k;
        int base = numInputs;
        for (int i = 0; i < code.length; i++) {
            T x = s[a[i]];
            T r = switch (code[i]) {
                case Opcode.CONST -> constants[i];
                case Opcode.STOP -> constant(x.getValue());
                case Opcode.FLOOR, Opcode.CEIL, Opcode.RINT, Opcode.SIGNUM, Opcode.ULP, Opcode.ULP_F ->
                        constant(Opcode.piecewise(code[i], x.getValue()));
                case Opcode.ROUND -> x.withValue((float) x.getValue());
                case Opcode.COPY -> x;
                case Opcode.NEG -> x.negate();
                case Opcode.ABS -> abs(x);
                case Opcode.SQRT -> x.sqrt();
                case Opcode.CBRT -> x.cbrt();
                case Opcode.EXP -> x.exp();
                case Opcode.EXPM1 -> x.expm1();
                case Opcode.LOG -> x.log();
                case Opcode.LOG10 -> x.log10();
                case Opcode.LOG1P -> x.log1p();
                case Opcode.SIN -> x.sin();
                case Opcode.COS -> x.cos();
                case Opcode.TAN -> x.tan();
                case Opcode.ASIN -> x.asin();
                case Opcode.ACOS -> x.acos();
                case Opcode.ATAN -> x.atan();
                case Opcode.SINH -> x.sinh();
                case Opcode.COSH -> x.cosh();
                case Opcode.TANH -> x.tanh();
                case Opcode.ASINH -> x.asinh();
                case Opcode.ACOSH -> x.acosh();
                case Opcode.ATANH -> x.atanh();
                case Opcode.ERF -> erf(x);
                case Opcode.LOGISTIC -> logistic(x);
                case Opcode.ADD -> x.add(s[b[i]]);
                case Opcode.SUB -> x.subtract(s[b[i]]);
                case Opcode.MUL -> x.multiply(s[b[i]]);
                case Opcode.DIV -> x.divide(s[b[i]]);
                case Opcode.ATAN2 -> x.atan2(s[b[i]]);
                case Opcode.REM -> rem(x, s[b[i]], x.getValue() % s[b[i]].getValue());
                case Opcode.IEEE_REM -> rem(x, s[b[i]], Math.IEEEremainder(x.getValue(), s[b[i]].getValue()));
                case Opcode.POW -> pow(x, s[b[i]]);
                case Opcode.HYPOT -> x.hypot(s[b[i]]);
                case Opcode.MAX -> max(x, s[b[i]]);
                case Opcode.MIN -> min(x, s[b[i]]);
                case Opcode.COPY_SIGN -> copySign(x, s[b[i]].getValue());
                case Opcode.NEXT_AFTER, Opcode.NEXT_AFTER_F ->               // shifted by an exact difference
                        x.add(Opcode.nextAfter(code[i], x.getValue(), s[b[i]].getValue()) - x.getValue());
                case Opcode.ADD_K -> x.add(k[i]);
                case Opcode.SUB_K -> x.subtract(k[i]);
                case Opcode.K_SUB -> x.negate().add(k[i]);
                case Opcode.MUL_K -> x.multiply(k[i]);
                case Opcode.DIV_K -> x.divide(k[i]);
                case Opcode.K_DIV -> x.reciprocal().multiply(k[i]);
                case Opcode.POW_K -> x.pow(k[i]);
                case Opcode.K_POW -> k[i] > 0.0 ? powConstantBase(k[i], x) : powNonPositiveBase(k[i], x);
                default -> throw new IllegalStateException("unknown opcode " + code[i]);
            };
            s[base + i] = r;
        }
    }

    private static <T extends Derivative<T>> T abs(T x) {
        return x.getValue() == 0.0 ? x.compose(0.0, 0.0) : x.abs();
    }

    /** |x| with the sign of {@code sign}; derivative 0 at x = 0, as {@link #abs}. */
    private static <T extends Derivative<T>> T copySign(T x, double sign) {
        return x.getValue() == 0.0 ? x.compose(Math.copySign(0.0, sign), 0.0) : x.copySign(sign);
    }

    private static <T extends Derivative<T>> T erf(T x) {
        double v = x.getValue();
        return x.compose(MathX.erf(v), TWO_OVER_SQRT_PI * Math.exp(-v * v));
    }

    /** σ(x), with σ' = σ(1−σ) computed as e/(1+e)² for e = exp(−|x|) (no cancellation). */
    private static <T extends Derivative<T>> T logistic(T x) {
        double v = x.getValue();
        double e = Math.exp(-Math.abs(v));
        double d = 1.0 + e;
        return x.compose(MathX.logistic(v), e / (d * d));
    }

    /**
     * The remainder {@code r} of x by y as x − n·y with n fixed ({@code %} or IEEE's, whose n is
     * the nearest integer), with r itself as the value.
     */
    private static <T extends Derivative<T>> T rem(T x, T y, double r) {
        T d = x.subtract(y.multiply(Opcode.quotient(x.getValue(), y.getValue(), r)));
        return d.add(r - d.getValue());                    // the exact remainder as the value
    }

    private static <T extends Derivative<T>> T max(T x, T y) {
        double u = x.getValue();
        return u >= y.getValue() || u != u ? x : y;
    }

    private static <T extends Derivative<T>> T min(T x, T y) {
        double u = x.getValue();
        return u <= y.getValue() || u != u ? x : y;
    }

    private static <T extends Derivative<T>> T pow(T x, T y) {
        double u = x.getValue();
        if (u > 0.0) {
            return x.pow(y);
        }
        double v = y.getValue();
        double dx = v == 0.0 ? 0.0 : v * Math.pow(u, v - 1.0);
        double dy = u == 0.0 ? 0.0 : Double.NaN;
        return x.compose(Math.pow(u, v), dx).add(y.compose(0.0, dy));
    }

    private static <T extends Derivative<T>> T powNonPositiveBase(double base, T y) {
        return y.compose(Math.pow(base, y.getValue()), base == 0.0 ? 0.0 : Double.NaN);
    }
}
