package io.crosscountry.samples.baselines;

/**
 * Reverse mode with a hand-rolled {@link Tape}, the typical "operator-overloading AD" baseline:
 * each call records the computation on the tape by walking the {@link Program} once (one
 * {@code switch} per instruction calling the tape's {@code add}, {@code sin}, …), then sweeps the
 * tape backwards once per output to fill that output's row.
 *
 * <p>The tape and the handle array are reused between calls; nothing else is allocated.
 */
public final class TapeReverse implements JacobianMethod {

    /** The name in reports and benchmarks. */
    public static final String NAME = "tape-reverse";

    private final Program program;
    private final Tape tape = new Tape();
    /** The tape node holding each program slot. */
    private final int[] node;

    /** Prepares reverse mode for a compiled program. */
    public TapeReverse(Program program) {
        this.program = program;
        this.node = new int[program.numSlots()];
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int numInputs() {
        return program.numInputs();
    }

    @Override
    public int numOutputs() {
        return program.numOutputs();
    }

    @Override
    public void jacobian(double[] x, double[][] J) {
        record(x);
        int n = program.numInputs();
        for (int r = 0; r < J.length; r++) {
            tape.reverse(node[program.output(r)]);
            double[] row = J[r];
            for (int j = 0; j < n; j++) {
                row[j] = tape.adjoint(j);      // the inputs are the first n nodes
            }
        }
    }

    /** The forward pass: records the program at {@code x}, inputs first. */
    private void record(double[] x) {
        Tape t = tape;
        int[] h = node;
        t.clear();
        int n = program.numInputs();
        for (int j = 0; j < n; j++) {
            h[j] = t.variable(x[j]);
        }
        int[] code = program.code;
        int[] a = program.a;
        int[] b = program.b;
        double[] k = program.k;
        for (int i = 0; i < code.length; i++) {
            int p = h[a[i]];
            h[n + i] = switch (code[i]) {
                case Opcode.CONST -> t.constant(k[i]);
                case Opcode.STOP -> t.stopGradient(p);
                case Opcode.FLOOR, Opcode.CEIL, Opcode.RINT, Opcode.SIGNUM, Opcode.ULP, Opcode.ULP_F ->
                        t.constant(Opcode.piecewise(code[i], t.value(p)));
                case Opcode.ROUND -> t.toFloat(p);
                case Opcode.COPY -> p;
                case Opcode.NEG -> t.neg(p);
                case Opcode.ABS -> t.abs(p);
                case Opcode.SQRT -> t.sqrt(p);
                case Opcode.CBRT -> t.cbrt(p);
                case Opcode.EXP -> t.exp(p);
                case Opcode.EXPM1 -> t.expm1(p);
                case Opcode.LOG -> t.log(p);
                case Opcode.LOG10 -> t.log10(p);
                case Opcode.LOG1P -> t.log1p(p);
                case Opcode.SIN -> t.sin(p);
                case Opcode.COS -> t.cos(p);
                case Opcode.TAN -> t.tan(p);
                case Opcode.ASIN -> t.asin(p);
                case Opcode.ACOS -> t.acos(p);
                case Opcode.ATAN -> t.atan(p);
                case Opcode.SINH -> t.sinh(p);
                case Opcode.COSH -> t.cosh(p);
                case Opcode.TANH -> t.tanh(p);
                case Opcode.ASINH -> t.asinh(p);
                case Opcode.ACOSH -> t.acosh(p);
                case Opcode.ATANH -> t.atanh(p);
                case Opcode.ERF -> t.erf(p);
                case Opcode.LOGISTIC -> t.logistic(p);
                case Opcode.ADD -> t.add(p, h[b[i]]);
                case Opcode.SUB -> t.sub(p, h[b[i]]);
                case Opcode.MUL -> t.mul(p, h[b[i]]);
                case Opcode.DIV -> t.div(p, h[b[i]]);
                case Opcode.ATAN2 -> t.atan2(p, h[b[i]]);
                case Opcode.REM -> t.rem(p, h[b[i]]);
                case Opcode.IEEE_REM -> t.ieeeRemainder(p, h[b[i]]);
                case Opcode.POW -> t.pow(p, h[b[i]]);
                case Opcode.HYPOT -> t.hypot(p, h[b[i]]);
                case Opcode.MAX -> t.max(p, h[b[i]]);
                case Opcode.MIN -> t.min(p, h[b[i]]);
                case Opcode.COPY_SIGN -> t.copySign(p, h[b[i]]);
                case Opcode.NEXT_AFTER, Opcode.NEXT_AFTER_F -> t.nextAfter(code[i], p, h[b[i]]);
                case Opcode.ADD_K -> t.add(p, k[i]);
                case Opcode.SUB_K -> t.sub(p, k[i]);
                case Opcode.K_SUB -> t.sub(k[i], p);
                case Opcode.MUL_K -> t.mul(p, k[i]);
                case Opcode.DIV_K -> t.div(p, k[i]);
                case Opcode.K_DIV -> t.div(k[i], p);
                case Opcode.POW_K -> t.pow(p, k[i]);
                case Opcode.K_POW -> t.pow(k[i], p);
                default -> throw new IllegalStateException("unknown opcode " + code[i]);
            };
        }
    }
}
