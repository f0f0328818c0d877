package io.crosscountry.codegen;

import io.crosscountry.analysis.OpValues;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.Op;
import io.crosscountry.elimination.Operand;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Random straight-line programs as graphs: random operations, wiring, literals, float and StrictMath
 * vertices, and outputs (some consumed later). Operations are chosen where their operands lie well
 * inside their domain, so values and partials stay finite and smooth.
 *
 * <p>Shared by the property tests of code generation, by {@code crosscountry bench --many}, which
 * compiles thousands of them and compares each Jacobian with an independent reference, and by the
 * policy's training and held-out sets. {@link #generate(long, int)} draws from the operations those
 * sets were made with (every {@link Op} but floor, ceil, rint, signum, rem, fma, copysign, ulp,
 * nextafter and ieee_rem, which came later), so that a seed keeps giving the same graph;
 * {@link #generate(long, int, boolean)} can add them.
 */
public final class RandomPrograms {

    /**
     * A graph and the inputs at which its values were checked.
     *
     * @param graph  the program
     * @param inputs a point where every operation is well inside its domain
     */
    public record Program(Graph graph, double[] inputs) {
    }

    /** Operations added after the policy's training and held-out sets were made. */
    private static final Set<Op> LATER = EnumSet.of(Op.FLOOR, Op.CEIL, Op.RINT, Op.SIGNUM, Op.REM, Op.FMA,
            Op.COPY_SIGN, Op.ULP, Op.NEXT_AFTER, Op.IEEE_REM);
    /** The operations of the training and held-out sets (seeds reproduce their graphs). */
    private static final Op[] OPS = EnumSet.complementOf(EnumSet.copyOf(LATER)).toArray(new Op[0]);
    /** Every operation. */
    private static final Op[] ALL_OPS = Op.values();
    private static final Set<Op> FLOAT_OPS = EnumSet.of(Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.REM, Op.NEG, Op.ABS, Op.MAX,
            Op.MIN, Op.COPY_SIGN, Op.FMA);
    private static final Set<Op> NOT_STRICT = EnumSet.of(Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.REM, Op.NEG, Op.TO_FLOAT, Op.COPY,
            Op.STOP_GRADIENT, Op.ASINH, Op.ACOSH, Op.ATANH, Op.ERF, Op.LOGISTIC);
    private static final double[] LITERALS = {2.0, -1.0, 1.0, 0.5, 3.0, -0.25, 0.0, 1.5, -2.0};

    private RandomPrograms() {
    }

    /** A random program of {@code size} vertices (fewer where an operation's domain could not be met), reproducible from {@code seed}. */
    public static Program generate(long seed, int size) {
        return generate(seed, size, false);
    }

    /**
     * A random program like {@link #generate(long, int)}; with {@code everyOp}, floor, ceil, rint,
     * signum, rem, fma, copysign, ulp, nextafter and ieee_rem are among the operations too (the
     * same seed then gives another program).
     */
    public static Program generate(long seed, int size, boolean everyOp) {
        Op[] ops = everyOp ? ALL_OPS : OPS;
        SplittableRandom rnd = new SplittableRandom(seed);
        int numInputs = 1 + rnd.nextInt(6);
        double[] x = new double[numInputs];
        for (int k = 0; k < numInputs; k++) {
            x[k] = (rnd.nextBoolean() ? 1 : -1) * rnd.nextDouble(0.3, 1.5);
        }
        Graph.Builder b = Graph.builder(numInputs);
        List<Double> values = new ArrayList<>();
        for (int v = 1; v <= size; v++) {
            boolean added = false;
            for (int attempt = 0; attempt < 50 && !added; attempt++) {
                added = tryAdd(b, rnd, x, values, ops);
            }
            if (!added) {
                Operand a = reference(rnd, numInputs, values.size());
                b.add(Op.COPY, a);
                values.add(valueOf(a, x, values));
            }
        }
        List<Integer> outputs = new ArrayList<>();
        for (int v = 1; v < size; v++) {
            if (rnd.nextInt(4) == 0) {
                outputs.add(v);
            }
        }
        outputs.add(size);
        b.outputs(outputs.stream().mapToInt(Integer::intValue).toArray());
        return new Program(b.build(), x);
    }

    private static boolean tryAdd(Graph.Builder b, SplittableRandom rnd, double[] x, List<Double> values, Op[] ops) {
        Op op = ops[rnd.nextInt(ops.length)];
        if (!op.differentiable() && rnd.nextInt(3) != 0) {
            return false;                                 // keep stop_gradient and floor & co. rare
        }
        Operand a = operand(rnd, x.length, values.size());
        Operand c = null;
        Operand d = null;
        if (op.arity() >= 2) {
            c = rnd.nextInt(8) == 0 && !a.isLiteral() ? a : operand(rnd, x.length, values.size());
            if (a.isLiteral() && c.isLiteral()) {
                c = reference(rnd, x.length, values.size());
            }
            if (op.arity() == 3) {
                d = rnd.nextInt(8) == 0 && !a.isLiteral() ? a : operand(rnd, x.length, values.size());
            }
        } else if (a.isLiteral()) {
            a = reference(rnd, x.length, values.size());
        }
        boolean single = op == Op.TO_FLOAT || FLOAT_OPS.contains(op) && rnd.nextInt(6) == 0;
        boolean strict = !NOT_STRICT.contains(op) && rnd.nextInt(3) == 0;
        double va = valueOf(a, x, values);
        double vb = c == null ? 0.0 : valueOf(c, x, values);
        double vd = d == null ? 0.0 : valueOf(d, x, values);
        if (!inDomain(op, va, vb, a, c)) {
            return false;
        }
        double r = OpValues.apply(op, single, strict, va, vb, vd);
        if (!Double.isFinite(r) || Math.abs(r) > 1e4) {
            return false;
        }
        if (c == null) {
            b.add(op, single, strict, a);
        } else if (d == null) {
            b.add(op, single, strict, a, c);
        } else {
            b.add(op, single, strict, a, c, d);
        }
        values.add(r);
        return true;
    }

    private static boolean inDomain(Op op, double a, double b, Operand oa, Operand ob) {
        return switch (op) {
            case DIV -> Math.abs(b) > 0.1;
            case REM -> Math.abs(b) > 0.1 && Math.abs(a / b - Math.rint(a / b)) > 1e-3;    // away from its jumps
            case IEEE_REM -> Math.abs(b) > 0.1 && Math.abs(Math.abs(a / b - Math.floor(a / b)) - 0.5) > 1e-3;
            case SQRT, LOG, LOG10 -> a > 0.1;
            case CBRT -> Math.abs(a) > 0.1;
            case LOG1P -> a > -0.9;
            case EXP, EXPM1, SINH, COSH -> Math.abs(a) < 5;
            case TAN -> Math.abs(Math.cos(a)) > 0.2;
            case ASIN, ACOS, ATANH -> Math.abs(a) < 0.9;
            case ACOSH -> a > 1.1;
            case ABS, SIGNUM -> Math.abs(a) > 1e-3;
            case FLOOR, CEIL -> Math.abs(a - Math.rint(a)) > 1e-3;            // away from their jumps
            case RINT -> Math.abs(Math.abs(a - Math.floor(a)) - 0.5) > 1e-3;
            case ULP -> a != 0.0 && Math.abs(binadeFraction(a) - 0.5) < 0.499;       // away from powers of two
            case ATAN2, HYPOT -> a * a + b * b > 0.01;
            case POW -> ob.isLiteral() && b == Math.rint(b) ? Math.abs(a) > 0.1 : a > 0.1 && Math.abs(b) < 4;
            case MAX, MIN -> oa.equals(ob) || Math.abs(a - b) > 1e-3;
            case COPY_SIGN -> Math.abs(a) > 1e-3 && Math.abs(b) > 1e-3;      // away from its kink and jump
            default -> true;
        };
    }

    /** Where |a| lies between the powers of two around it: log2|a| − getExponent(a), in [0, 1). */
    private static double binadeFraction(double a) {
        return Math.log(Math.abs(a)) / Math.log(2.0) - Math.getExponent(a);
    }

    private static Operand operand(SplittableRandom rnd, int numInputs, int numVertices) {
        if (rnd.nextInt(5) == 0) {
            return Operand.literal(rnd.nextInt(4) == 0 ? rnd.nextDouble(-3, 3) : LITERALS[rnd.nextInt(LITERALS.length)]);
        }
        return reference(rnd, numInputs, numVertices);
    }

    /** An input or an earlier vertex, mostly a recent one. */
    private static Operand reference(SplittableRandom rnd, int numInputs, int numVertices) {
        int total = numInputs + numVertices;
        int i = rnd.nextInt(3) != 0 ? Math.max(0, total - 1 - rnd.nextInt(Math.min(total, 8))) : rnd.nextInt(total);
        return i < numInputs ? Operand.input(i) : Operand.vertex(i - numInputs + 1);
    }

    private static double valueOf(Operand o, double[] x, List<Double> values) {
        if (o.isLiteral()) {
            return o.literal();
        }
        return o.isInput() ? x[o.inputIndex()] : values.get(o.ref() - 1);
    }

    /** A readable listing of {@code g}, for failure messages. */
    public static String listing(Graph g) {
        StringBuilder sb = new StringBuilder();
        for (int v = 1; v <= g.numVertices(); v++) {
            sb.append(v).append(' ').append(g.op(v).symbol()).append(g.isSinglePrecision(v) ? ".f" : "")
                    .append(g.isStrict(v) ? ".s" : "").append(g.operands(v)).append("; ");
        }
        return sb.append("outputs ").append(java.util.Arrays.toString(g.outputs())).toString();
    }
}
