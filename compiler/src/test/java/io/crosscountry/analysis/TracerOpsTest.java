package io.crosscountry.analysis;

import static io.crosscountry.analysis.TestSupport.assertSameDouble;
import static io.crosscountry.analysis.TestSupport.in;
import static io.crosscountry.analysis.TestSupport.listing;
import static io.crosscountry.analysis.TestSupport.lit;
import static io.crosscountry.analysis.TestSupport.ops;
import static io.crosscountry.analysis.TestSupport.run;
import static io.crosscountry.analysis.TestSupport.v;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.CrossCountry;
import io.crosscountry.UnsupportedBytecodeException;
import io.crosscountry.analysis.fixtures.Ops;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.Op;
import io.crosscountry.elimination.Operand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.FloatRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every supported operation as one traced method: the vertex's op, precision and operands, and the
 * graph's primal value equal, bit for bit, to the method's own result at random inputs.
 */
class TracerOpsTest {

    private static final int SAMPLES = 3000;

    /** A fixture method with one vertex {@code op} reading its parameters in order. */
    record Case(String method, Op op, boolean single, double[][] domains) {
        @Override
        public String toString() {
            return method;
        }
    }

    private static final double[] ANY = {-20.0, 20.0};
    private static final double[] WIDE = {-1.0e6, 1.0e6};
    private static final double[] POSITIVE = {1.0e-9, 100.0};
    private static final double[] UNIT = {-1.0, 1.0};

    private static Case unary(String method, Op op, double[] domain) {
        return new Case(method, op, false, new double[][] {domain});
    }

    private static Case binary(String method, Op op, double[] d0, double[] d1) {
        return new Case(method, op, false, new double[][] {d0, d1});
    }

    private static Case floatCase(String method, Op op, double[]... domains) {
        return new Case(method, op, true, domains);
    }

    /** Math intrinsics; the StrictMath twins are the same cases with the {@code strict} prefix. */
    private static List<Case> mathCases(String prefix) {
        List<Case> c = new ArrayList<>();
        c.add(unary(name(prefix, "sqrt"), Op.SQRT, POSITIVE));
        c.add(unary(name(prefix, "cbrt"), Op.CBRT, WIDE));
        c.add(unary(name(prefix, "abs"), Op.ABS, WIDE));
        c.add(unary(name(prefix, "floor"), Op.FLOOR, WIDE));
        c.add(unary(name(prefix, "ceil"), Op.CEIL, WIDE));
        c.add(unary(name(prefix, "rint"), Op.RINT, WIDE));
        c.add(unary(name(prefix, "signum"), Op.SIGNUM, WIDE));
        c.add(unary(name(prefix, "ulp"), Op.ULP, WIDE));
        c.add(unary(name(prefix, "exp"), Op.EXP, new double[] {-700.0, 700.0}));
        c.add(unary(name(prefix, "expm1"), Op.EXPM1, ANY));
        c.add(unary(name(prefix, "log"), Op.LOG, POSITIVE));
        c.add(unary(name(prefix, "log10"), Op.LOG10, POSITIVE));
        c.add(unary(name(prefix, "log1p"), Op.LOG1P, new double[] {-0.999999, 100.0}));
        c.add(unary(name(prefix, "sin"), Op.SIN, ANY));
        c.add(unary(name(prefix, "cos"), Op.COS, ANY));
        c.add(unary(name(prefix, "tan"), Op.TAN, new double[] {-1.5, 1.5}));
        c.add(unary(name(prefix, "asin"), Op.ASIN, UNIT));
        c.add(unary(name(prefix, "acos"), Op.ACOS, UNIT));
        c.add(unary(name(prefix, "atan"), Op.ATAN, WIDE));
        c.add(unary(name(prefix, "sinh"), Op.SINH, ANY));
        c.add(unary(name(prefix, "cosh"), Op.COSH, ANY));
        c.add(unary(name(prefix, "tanh"), Op.TANH, ANY));
        c.add(binary(name(prefix, "atan2"), Op.ATAN2, ANY, ANY));
        c.add(binary(name(prefix, "pow"), Op.POW, new double[] {1.0e-3, 10.0}, new double[] {-8.0, 8.0}));
        c.add(binary(name(prefix, "hypot"), Op.HYPOT, WIDE, WIDE));
        c.add(binary(name(prefix, "max"), Op.MAX, ANY, ANY));
        c.add(binary(name(prefix, "min"), Op.MIN, ANY, ANY));
        c.add(new Case(name(prefix, "fma"), Op.FMA, false, new double[][] {WIDE, WIDE, WIDE}));
        c.add(floatCase(name(prefix, "fmaF"), Op.FMA, WIDE, WIDE, WIDE));
        c.add(floatCase(name(prefix, "absF"), Op.ABS, WIDE));
        c.add(floatCase(name(prefix, "ulpF"), Op.ULP, WIDE));
        c.add(floatCase(name(prefix, "signumF"), Op.SIGNUM, WIDE));
        c.add(floatCase(name(prefix, "maxF"), Op.MAX, ANY, ANY));
        c.add(floatCase(name(prefix, "minF"), Op.MIN, ANY, ANY));
        c.add(binary(name(prefix, "copySign"), Op.COPY_SIGN, WIDE, WIDE));
        c.add(binary(name(prefix, "nextAfter"), Op.NEXT_AFTER, WIDE, WIDE));
        c.add(binary(name(prefix, "ieeeRemainder"), Op.IEEE_REM, WIDE, WIDE));
        c.add(floatCase(name(prefix, "nextAfterF"), Op.NEXT_AFTER, WIDE, WIDE));
        c.add(floatCase(name(prefix, "copySignF"), Op.COPY_SIGN, WIDE, WIDE));
        return c;
    }

    private static String name(String prefix, String base) {
        return prefix.isEmpty() ? base : prefix + Character.toUpperCase(base.charAt(0)) + base.substring(1);
    }

    /**
     * StrictMath functions that HotSpot computes differently in {@code Math} (intrinsic stubs vs
     * fdlibm): the graph evaluates them with {@code Math}, see {@link #strictMathDiffersFromMath}.
     */
    static final Set<Op> MATH_NOT_STRICT = EnumSet.of(Op.SIN, Op.COS, Op.TAN, Op.EXP, Op.LOG, Op.LOG10, Op.POW);

    static Stream<Case> arithmeticCases() {
        return Stream.of(
                binary("add", Op.ADD, WIDE, WIDE),
                binary("sub", Op.SUB, WIDE, WIDE),
                binary("mul", Op.MUL, WIDE, WIDE),
                binary("div", Op.DIV, WIDE, WIDE),
                binary("rem", Op.REM, WIDE, WIDE),
                unary("neg", Op.NEG, WIDE),
                floatCase("fadd", Op.ADD, WIDE, WIDE),
                floatCase("fsub", Op.SUB, WIDE, WIDE),
                floatCase("fmul", Op.MUL, WIDE, WIDE),
                floatCase("fdiv", Op.DIV, WIDE, WIDE),
                floatCase("frem", Op.REM, WIDE, WIDE),
                floatCase("fneg", Op.NEG, WIDE),
                binary("doubleSum", Op.ADD, WIDE, WIDE),
                binary("doubleMax", Op.MAX, ANY, ANY),
                binary("doubleMin", Op.MIN, ANY, ANY),
                floatCase("floatSum", Op.ADD, WIDE, WIDE),
                floatCase("floatMax", Op.MAX, ANY, ANY),
                floatCase("floatMin", Op.MIN, ANY, ANY),
                new Case("toFloat", Op.TO_FLOAT, true, new double[][] {{-1.0e40, 1.0e40}}));
    }

    static Stream<Case> mathCases() {
        return mathCases("").stream();
    }

    static Stream<Case> strictCasesEqualToMath() {
        return mathCases("strict").stream().filter(c -> !MATH_NOT_STRICT.contains(c.op()));
    }

    static Stream<Case> strictCasesDifferentFromMath() {
        return mathCases("strict").stream().filter(c -> MATH_NOT_STRICT.contains(c.op()));
    }

    static Stream<Case> mathXCases() {
        return Stream.of(
                unary("asinh", Op.ASINH, WIDE),
                unary("acosh", Op.ACOSH, new double[] {1.0, 1.0e6}),
                unary("atanh", Op.ATANH, new double[] {-0.999999, 0.999999}),
                unary("erf", Op.ERF, new double[] {-6.0, 6.0}),
                unary("logistic", Op.LOGISTIC, new double[] {-40.0, 40.0}),
                unary("stopGradient", Op.STOP_GRADIENT, WIDE));
    }

    private static Object[] randomArgs(Case c, SplittableRandom rnd) {
        Object[] args = new Object[c.domains().length];
        for (int i = 0; i < args.length; i++) {
            double[] d = c.domains()[i];
            double x = rnd.nextDouble(d[0], d[1]);
            boolean floatParam = TestSupport.method(Ops.class, c.method(), args.length).getParameterTypes()[i] == float.class;
            args[i] = floatParam ? (Object) (float) x : (Object) x;
        }
        return args;
    }

    /** Traces the case at a random example and checks the single vertex, then samples inputs. */
    private static void checkCase(Case c, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed ^ c.method().hashCode());
        Object[] example = randomArgs(c, rnd);
        Trace t = CrossCountry.trace(Ops.class, c.method(), example);
        Graph g = t.graph();
        int arity = c.domains().length;
        assertEquals(arity, g.numInputs(), c + ": inputs");
        assertEquals(1, g.numVertices(), c + ": one vertex, got " + listing(g));
        assertEquals(c.op(), g.op(1), c + ": op");
        assertEquals(c.single(), g.isSinglePrecision(1), c + ": precision");
        List<Operand> expectedOperands = new ArrayList<>();
        for (int i = 0; i < arity; i++) {
            expectedOperands.add(in(i));
        }
        assertEquals(expectedOperands, g.operands(1), c + ": operands");
        assertArrayEquals(new int[] {1}, g.outputs(), c + ": outputs");
        assertTrue(t.guards().isEmpty(), c + ": no guards");
        assertSameDouble(run(Ops.class, c.method(), example)[0], t.outputValues()[0], c + ": trace value at example");
        for (int s = 0; s < SAMPLES; s++) {
            Object[] args = randomArgs(c, rnd);
            double expected = run(Ops.class, c.method(), args)[0];
            double actual = GraphEvaluator.outputs(g, TestSupport.flatten(args))[0];
            assertSameDouble(expected, actual, c + " at " + Arrays.toString(args));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arithmeticCases")
    void arithmetic(Case c) {
        checkCase(c, 11);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mathCases")
    void mathIntrinsic(Case c) {
        checkCase(c, 12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strictCasesEqualToMath")
    void strictMathIntrinsic(Case c) {
        checkCase(c, 13);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mathXCases")
    void mathXIntrinsic(Case c) {
        checkCase(c, 14);
    }

    // ------------------------------------------------------------------ jqwik properties

    @Property(tries = 300)
    void doubleArithmeticIsExact(@ForAll @DoubleRange(min = -1.0e8, max = 1.0e8) double x,
                                 @ForAll @DoubleRange(min = -1.0e8, max = 1.0e8) double y) {
        for (String m : new String[] {"add", "sub", "mul", "div"}) {
            Graph g = CrossCountry.graph(Ops.class, m, x, y);
            assertSameDouble(run(Ops.class, m, x, y)[0], GraphEvaluator.outputs(g, new double[] {x, y})[0], m);
        }
        Graph g = CrossCountry.graph(Ops.class, "neg", x);
        assertSameDouble(-x, GraphEvaluator.outputs(g, new double[] {x})[0], "neg");
    }

    @Property(tries = 300)
    void floatArithmeticIsExact(@ForAll @FloatRange(min = -1.0e6f, max = 1.0e6f) float a,
                                @ForAll @FloatRange(min = -1.0e6f, max = 1.0e6f) float b) {
        for (String m : new String[] {"fadd", "fsub", "fmul", "fdiv"}) {
            Graph g = CrossCountry.graph(Ops.class, m, a, b);
            assertTrue(g.isSinglePrecision(1), m);
            assertSameDouble(run(Ops.class, m, a, b)[0], GraphEvaluator.outputs(g, new double[] {a, b})[0], m);
        }
    }

    @Property(tries = 300)
    void toFloatRoundsLikeD2f(@ForAll @DoubleRange(min = -1.0e39, max = 1.0e39) double x) {
        Graph g = CrossCountry.graph(Ops.class, "toFloat", x);
        assertSameDouble((float) x, GraphEvaluator.outputs(g, new double[] {x})[0], "d2f");
    }

    @Property(tries = 200)
    void mixedPrecision(@ForAll @DoubleRange(min = -1.0e3, max = 1.0e3) double x,
                        @ForAll @FloatRange(min = -1.0e3f, max = 1.0e3f) float a) {
        Trace t = CrossCountry.trace(Ops.class, "mixed", x, a);
        Graph g = t.graph();
        assertEquals(3, g.numVertices(), listing(g));
        assertEquals(Op.TO_FLOAT, g.op(1));
        assertTrue(g.isSinglePrecision(1));
        assertEquals(ops(in(0)), g.operands(1));
        assertEquals(Op.MUL, g.op(2));
        assertTrue(g.isSinglePrecision(2));
        assertEquals(ops(v(1), in(1)), g.operands(2));
        assertEquals(Op.ADD, g.op(3), "f2d is not a vertex");
        assertEquals(false, g.isSinglePrecision(3));
        assertEquals(ops(v(2), in(0)), g.operands(3));
        assertSameDouble(run(Ops.class, "mixed", x, a)[0], GraphEvaluator.outputs(g, new double[] {x, a})[0], "mixed");
    }

    // ------------------------------------------------------------------ literals and shared operands

    @Test
    void literalOperandsKeepTheirPosition() {
        SplittableRandom rnd = new SplittableRandom(21);
        Object[][] cases = {
            {"addLiteral", Op.ADD, ops(in(0), lit(2.5)), 1.0},
            {"literalMinus", Op.SUB, ops(lit(3.25), in(0)), -1.0},
            {"literalTimes", Op.MUL, ops(lit(0.75), in(0)), 0.75},
            {"overLiteral", Op.DIV, ops(in(0), lit(3.0)), 1.0 / 3.0},
            {"literalOver", Op.DIV, ops(lit(1.5), in(0)), Double.NaN},
            {"powLiteralBase", Op.POW, ops(lit(2.0), in(0)), Double.NaN},
            {"powLiteralExponent", Op.POW, ops(in(0), lit(3.0)), Double.NaN},
            {"atan2Literal", Op.ATAN2, ops(in(0), lit(-0.5)), Double.NaN},
            {"maxWithZero", Op.MAX, ops(lit(0.0), in(0)), Double.NaN},
        };
        for (Object[] c : cases) {
            String m = (String) c[0];
            double x = rnd.nextDouble(0.1, 9.0) * (rnd.nextBoolean() ? 1 : -1);
            Graph g = CrossCountry.graph(Ops.class, m, x);
            assertEquals(1, g.numVertices(), m + ": literals are not vertices: " + listing(g));
            assertEquals(c[1], g.op(1), m);
            assertEquals(c[2], g.operands(1), m);
            assertArrayEquals(new int[] {-1}, g.predIds(1), m + ": the literal is no edge");
            assertSameDouble((Double) c[3], g.predConstantPartials(1)[0], m + ": constant partial");
            for (int s = 0; s < 200; s++) {
                double y = rnd.nextDouble(0.1, 9.0) * (rnd.nextBoolean() ? 1 : -1);
                assertSameDouble(run(Ops.class, m, y)[0], GraphEvaluator.outputs(g, new double[] {y})[0], m);
            }
        }
    }

    @Test
    void sameValueTwiceIsOnePred() {
        SplittableRandom rnd = new SplittableRandom(22);
        for (String m : new String[] {"square", "hypotSame"}) {
            double x = rnd.nextDouble(-5.0, 5.0);
            Graph g = CrossCountry.graph(Ops.class, m, x);
            assertEquals(1, g.numVertices(), m);
            assertEquals(ops(in(0), in(0)), g.operands(1), m + ": both operand positions kept");
            assertArrayEquals(new int[] {-1}, g.predIds(1), m + ": ONE pred");
            assertArrayEquals(new int[] {1}, g.inputSuccIds(0), m);
            for (int s = 0; s < 200; s++) {
                double y = rnd.nextDouble(-5.0, 5.0);
                assertSameDouble(run(Ops.class, m, y)[0], GraphEvaluator.outputs(g, new double[] {y})[0], m);
            }
        }
    }

    /**
     * {@code Math.fma} is one vertex of three operands, rounded once: a literal factor and the
     * addend give constant partials, a repeated operand one edge, and {@code fma(x, y, -x*y)} the
     * exact rounding error of the product (which a product and a sum would round to 0).
     */
    /**
     * The float fma rounds a·b + c once to float, where a double fma rounded to float rounds
     * twice: with a·b = 2^-24 + δ (0 &lt; δ &lt; 2^-53) and c = 1, the exact sum lies just above the
     * halfway point 1 + 2^-24 between two floats, so the float fma gives 1 + 2^-23, while the
     * double fma lands on the halfway point, which rounds to the even float 1.
     */
    @Test
    void floatFmaRoundsOnceToFloat() {
        long a = 1L << 23;
        long b;
        long excess;
        do {                                  // A·B = 2^46 + m with 0 < m < 2^17 (A, B of 24 bits)
            a++;
            b = ((1L << 46) + a - 1) / a;
            excess = a * b - (1L << 46);
        } while (excess <= 0 || excess >= 1L << 17);
        float x = (float) Math.scalb((double) a, -35);
        float y = (float) Math.scalb((double) b, -35);
        assertEquals(1.0f, (float) Math.fma((double) x, (double) y, 1.0), "the double fma rounds to 1 (the case is one)");
        float once = Math.fma(x, y, 1f);
        assertEquals(Math.nextUp(1.0f), once);
        Graph g = CrossCountry.graph(Ops.class, "fmaF", 0.5f, 0.25f, 1f);
        assertTrue(g.isSinglePrecision(1));
        assertSameDouble(once, GraphEvaluator.outputs(g, new double[] {x, y, 1.0})[0], "graph value");
        assertSameDouble(once, run(Ops.class, "fmaF", x, y, 1f)[0], "method value");
    }

    @Test
    void fmaIsOneVertexRoundedOnce() {
        SplittableRandom rnd = new SplittableRandom(24);
        Graph literal = CrossCountry.graph(Ops.class, "fmaLiteral", 1.5, -0.5);
        assertEquals(1, literal.numVertices(), listing(literal));
        assertEquals(Op.FMA, literal.op(1));
        assertEquals(ops(in(0), lit(2.5), in(1)), literal.operands(1));
        assertArrayEquals(new double[] {2.5, 1.0}, literal.predConstantPartials(1), 0.0);

        Graph same = CrossCountry.graph(Ops.class, "fmaSame", 0.75);
        assertEquals(ops(in(0), in(0), in(0)), same.operands(1), "every operand position kept");
        assertArrayEquals(new int[] {-1}, same.predIds(1), "ONE pred");
        assertTrue(Double.isNaN(same.predConstantPartials(1)[0]), "x·x + x has a variable partial");

        Graph error = CrossCountry.graph(Ops.class, "productError", 0.1, 0.3);
        assertEquals(List.of(Op.MUL, Op.NEG, Op.FMA), List.of(error.op(1), error.op(2), error.op(3)), listing(error));
        int nonZero = 0;
        for (int s = 0; s < 500; s++) {
            double x = rnd.nextDouble(-10.0, 10.0);
            double y = rnd.nextDouble(-10.0, 10.0);
            double e = GraphEvaluator.outputs(error, new double[] {x, y})[0];
            assertSameDouble(run(Ops.class, "productError", x, y)[0], e, "fma(x, y, -x*y) at " + x + ", " + y);
            double exact = new java.math.BigDecimal(x).multiply(new java.math.BigDecimal(y))
                    .subtract(new java.math.BigDecimal(x * y)).doubleValue();
            assertEquals(exact, e, 0.0, "the product's exact rounding error");
            nonZero += e != 0.0 ? 1 : 0;
            double z = rnd.nextDouble(-10.0, 10.0);
            assertSameDouble(run(Ops.class, "fmaLiteral", x, z)[0], GraphEvaluator.outputs(literal, new double[] {x, z})[0], "fmaLiteral");
            assertSameDouble(run(Ops.class, "fmaSame", x)[0], GraphEvaluator.outputs(same, new double[] {x})[0], "fmaSame");
        }
        assertTrue(nonZero > 400, "most products round: " + nonZero);

        Graph horner = CrossCountry.graph(Ops.class, "hornerFma", 0.4);
        assertEquals(3, horner.numVertices(), "the innermost fma has one input operand: " + listing(horner));
        for (int s = 0; s < 200; s++) {
            double x = rnd.nextDouble(-3.0, 3.0);
            assertSameDouble(run(Ops.class, "hornerFma", x)[0], GraphEvaluator.outputs(horner, new double[] {x})[0], "horner");
        }
    }

    /** scalb(x, n) is a multiplication by the literal 2^n: one rounding, bit for bit, for every normal 2^n. */
    @Test
    void scalbIsAMultiplicationByAPowerOfTwo() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int n : new int[] {-1022, -1000, -60, -1, 0, 1, 3, 700, 1023}) {
            Graph g = CrossCountry.graph(Ops.class, "scalb", 1.5, n);
            assertEquals(1, g.numVertices(), listing(g));
            assertEquals(Op.MUL, g.op(1));
            assertArrayEquals(new double[] {Math.scalb(1.0, n)}, g.predConstantPartials(1), 0.0, "2^" + n);
            for (int s = 0; s < 2000; s++) {
                double x = Double.longBitsToDouble(rnd.nextLong()); // every magnitude, subnormals, NaN, ±∞
                assertSameDouble(Math.scalb(x, n), GraphEvaluator.outputs(g, new double[] {x})[0], "scalb(" + x + ", " + n + ")");
            }
        }
        for (int n : new int[] {-126, -20, 0, 5, 127}) {
            Graph g = CrossCountry.graph(Ops.class, "scalbF", 1.5f, n);
            assertTrue(g.isSinglePrecision(1), listing(g));
            for (int s = 0; s < 2000; s++) {
                float x = Float.intBitsToFloat(rnd.nextInt());
                assertSameDouble(StrictMath.scalb(x, n), GraphEvaluator.outputs(g, new double[] {x})[0], "scalbF(" + x + ", " + n + ")");
            }
        }
        UnsupportedBytecodeException e = org.junit.jupiter.api.Assertions.assertThrows(UnsupportedBytecodeException.class,
                () -> CrossCountry.graph(Ops.class, "scalb", 1.5, 1100));
        assertTrue(e.getMessage().contains("2^1100"), e.getMessage());
    }

    /** toRadians/toDegrees are a multiplication by the JDK's constant: a constant partial, values bit for bit. */
    @Test
    void angleConversionsAreAMultiplicationByALiteral() {
        SplittableRandom rnd = new SplittableRandom(41);
        for (String m : new String[] {"toRadians", "toDegrees"}) {
            Graph g = CrossCountry.graph(Ops.class, m, rnd.nextDouble(-5.0, 5.0));
            assertEquals(1, g.numVertices(), listing(g));
            assertEquals(Op.MUL, g.op(1), m);
            assertTrue(g.operands(1).get(1).isLiteral(), m + ": times a literal");
            assertArrayEquals(new double[] {m.equals("toRadians") ? Math.PI / 180 : 180 / Math.PI},
                    g.predConstantPartials(1), 1e-15, m + ": a constant partial");
            for (int s = 0; s < 2000; s++) {
                double y = s % 2 == 0 ? rnd.nextDouble(-720.0, 720.0) : rnd.nextDouble(-1e300, 1e300);
                assertSameDouble(run(Ops.class, m, y)[0], GraphEvaluator.outputs(g, new double[] {y})[0], m + " at " + y);
            }
        }
    }

    @Test
    void stopGradientKeepsTheValueButNoEdge() {
        SplittableRandom rnd = new SplittableRandom(23);
        double x = rnd.nextDouble(-5.0, 5.0);
        Graph g = CrossCountry.graph(Ops.class, "stopGradient", x);
        assertEquals(Op.STOP_GRADIENT, g.op(1));
        assertEquals(ops(in(0)), g.operands(1), "the operand is kept for the value");
        assertEquals(0, g.predIds(1).length, "no in-edge");
        Graph t = CrossCountry.graph(Ops.class, "timesStopped", x);
        assertEquals(2, t.numVertices(), listing(t));
        assertEquals(ops(in(0), v(1)), t.operands(2));
        assertArrayEquals(new int[] {-1, 1}, t.predIds(2));
        for (int s = 0; s < 200; s++) {
            double y = rnd.nextDouble(-5.0, 5.0);
            assertSameDouble(y * y, GraphEvaluator.outputs(t, new double[] {y})[0], "x * stop_gradient(x)");
        }
        Graph c = CrossCountry.graph(Ops.class, "stopGradientOfConstant", x);
        assertEquals(1, c.numVertices(), "stop_gradient of a constant folds: " + listing(c));
        assertEquals(ops(in(0), lit(2.5)), c.operands(1));
    }

    /** Every entry of the intrinsic table is called by some fixture, and every Op is traced by a test. */
    @Test
    void everyIntrinsicHasAFixture() throws Exception {
        java.lang.reflect.Field table = Intrinsics.class.getDeclaredField("TABLE");
        table.setAccessible(true);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Op> intrinsics = (java.util.Map<String, Op>) table.get(null);
        Set<String> called = new java.util.HashSet<>();
        try (java.io.InputStream in = Ops.class.getResourceAsStream("Ops.class")) {
            org.objectweb.asm.tree.ClassNode cn = new org.objectweb.asm.tree.ClassNode();
            new org.objectweb.asm.ClassReader(in).accept(cn, 0);
            for (org.objectweb.asm.tree.MethodNode m : cn.methods) {
                for (org.objectweb.asm.tree.AbstractInsnNode n : m.instructions) {
                    if (n instanceof org.objectweb.asm.tree.MethodInsnNode call) {
                        called.add(call.owner + "." + call.name + call.desc);
                    }
                }
            }
        }
        Set<String> missing = new java.util.TreeSet<>(intrinsics.keySet());
        missing.removeAll(called);
        assertEquals(Set.of(), missing, "intrinsics without a fixture in Ops");

        Set<Op> traced = EnumSet.noneOf(Op.class);
        Stream.of(arithmeticCases(), mathCases(), mathXCases()).flatMap(s -> s).forEach(c -> traced.add(c.op()));
        traced.add(Op.COPY); // TracerStructureTest: returned inputs, constants, repeated outputs
        assertEquals(EnumSet.allOf(Op.class), traced, "ops without a traced case");
    }

    @Test
    void specialValuesAreExact() {
        double[] specials = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        List<Case> all = new ArrayList<>(mathCases("").stream().filter(c -> !c.single()).toList());
        all.addAll(mathXCases().toList());
        all.addAll(arithmeticCases().filter(c -> !c.single()).toList());
        for (Case c : all) {
            int arity = c.domains().length;
            Object[] example = new Object[arity];
            Arrays.fill(example, 0.5);
            Graph g = CrossCountry.graph(Ops.class, c.method(), example);
            int combinations = (int) Math.pow(specials.length, arity);
            for (int k = 0; k < combinations; k++) {
                Object[] args = new Object[arity];
                for (int i = 0, rest = k; i < arity; i++, rest /= specials.length) {
                    args[i] = specials[rest % specials.length];
                }
                assertSameDouble(run(Ops.class, c.method(), args)[0],
                        GraphEvaluator.outputs(g, TestSupport.flatten(args))[0], c + " at " + Arrays.toString(args));
            }
        }
    }

    /**
     * copySign gives the result the method gives for every sign, −0.0 and NaNs of either sign
     * included ({@code StrictMath.copySign} reads a NaN sign as positive, {@code Math.copySign}
     * may read its sign bit): the float StrictMath version stays strict for that reason.
     */
    /**
     * nextUp(x) and nextDown(x) are nextAfter(x, ±∞) (their Javadoc's definition): one vertex with
     * the literal direction and a unit partial, bit for bit on random and special values.
     */
    @Test
    void nextUpAndNextDownAreNextAfterTowardsInfinity() {
        SplittableRandom rnd = new SplittableRandom(31);
        double[] specials = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.0, -1.0};
        for (String m : new String[] {"nextUp", "nextDown", "nextUpF", "nextDownF"}) {
            boolean single = m.endsWith("F");
            double direction = m.startsWith("nextUp") ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            Graph g = CrossCountry.graph(Ops.class, m, single ? (Object) 0.5f : (Object) 0.5);
            assertEquals(1, g.numVertices(), listing(g));
            assertEquals(Op.NEXT_AFTER, g.op(1), m);
            assertEquals(single, g.isSinglePrecision(1), m);
            assertEquals(ops(in(0), lit(direction)), g.operands(1), m);
            assertArrayEquals(new double[] {1.0}, g.predConstantPartials(1), 0.0, m + ": a unit partial");
            List<Double> xs = new ArrayList<>();
            for (double s : specials) {
                xs.add(s);
            }
            for (int i = 0; i < 2000; i++) {
                xs.add(rnd.nextDouble(-1e6, 1e6));
            }
            for (double x : xs) {
                Object arg = single ? (Object) (float) x : (Object) x;
                assertSameDouble(run(Ops.class, m, arg)[0], GraphEvaluator.outputs(g, TestSupport.flatten(arg))[0],
                        m + " at " + arg);
            }
        }
    }

    @Test
    void copySignTakesTheSignAsTheMethodDoes() {
        double negativeNaN = Double.longBitsToDouble(0xfff8_0000_0000_0000L);
        double[] signs = {0.0, -0.0, Double.NaN, negativeNaN, -3.0, 2.0, Double.MIN_VALUE, -Double.MIN_VALUE,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] magnitudes = {1.5, -1.5, 0.0, -0.0, Double.NEGATIVE_INFINITY, 7.0e300};
        float negativeNaNF = Float.intBitsToFloat(0xffc0_0000);
        for (String m : new String[] {"copySign", "strictCopySign", "copySignF", "strictCopySignF"}) {
            boolean single = m.endsWith("F");
            Object[] example = single ? new Object[] {0.5f, 0.5f} : new Object[] {0.5, 0.5};
            Graph g = CrossCountry.graph(Ops.class, m, example);
            assertEquals(Op.COPY_SIGN, g.op(1), m);
            assertEquals(m.startsWith("strict"), g.isStrict(1), m + ": strict");
            assertArrayEquals(new int[] {-1}, g.predIds(1), m + ": an in-edge from the magnitude only");
            for (double magnitude : magnitudes) {
                for (double sign : signs) {
                    Object[] args = single
                            ? new Object[] {(float) magnitude,
                                Double.doubleToRawLongBits(sign) == Double.doubleToRawLongBits(negativeNaN)
                                        ? negativeNaNF : (float) sign}
                            : new Object[] {magnitude, sign};
                    assertSameDouble(run(Ops.class, m, args)[0], GraphEvaluator.outputs(g, TestSupport.flatten(args))[0],
                            m + " at " + Arrays.toString(args));
                }
            }
        }
    }

    /**
     * StrictMath.sin/cos/tan/exp/log/log10/pow differ from their Math twins (HotSpot intrinsics vs
     * fdlibm) in the last bit for a few percent of inputs: their vertices are marked strict and
     * evaluated with StrictMath, so the graph's primal is still the method's value bit for bit.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("strictCasesDifferentFromMath")
    void strictMathDiffersFromMath(Case c) {
        checkCase(c, 15);
    }

    /** Constant folding of StrictMath.sin(c) uses StrictMath.sin. */
    @Test
    void strictMathConstantFoldsWithStrictMath() {
        Graph g = CrossCountry.graph(Ops.class, "strictSinConstant", 1.25);
        assertEquals(ops(in(0), lit(StrictMath.sin(14.630331962823469))), g.operands(1));
    }
}
