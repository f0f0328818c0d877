package io.crosscountry.analysis;

import static io.crosscountry.analysis.TestSupport.assertRefused;
import static io.crosscountry.analysis.TestSupport.assertSameDouble;
import static io.crosscountry.analysis.TestSupport.guardsHold;
import static io.crosscountry.analysis.TestSupport.id;
import static io.crosscountry.analysis.TestSupport.in;
import static io.crosscountry.analysis.TestSupport.line;
import static io.crosscountry.analysis.TestSupport.listing;
import static io.crosscountry.analysis.TestSupport.ops;
import static io.crosscountry.analysis.TestSupport.run;
import static io.crosscountry.analysis.TestSupport.v;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.CompiledJacobian;
import io.crosscountry.CrossCountry;
import io.crosscountry.Order;
import io.crosscountry.analysis.fixtures.Conversions;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.Op;
import io.crosscountry.elimination.Operand;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleToLongFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * Integers computed from differentiated values ({@code (int) x}, {@code (long) x},
 * {@code Math.round}, {@code Math.getExponent}, {@code Double.isNaN} & co.) are pinned by guards
 * that hold exactly where the conversion gives the example's result; floor, ceil, rint and signum
 * are vertices without an in-edge.
 */
class TracerConversionTest {

    private static final Class<?> C = Conversions.class;

    /**
     * A fixture, whether its parameter is a float, the integer its conversion computes, whether
     * an infinite example's path holds for that infinity only (isFinite, isInfinite: guards are
     * conjunctions, and "x is +inf or -inf" is not one), and the smallest magnitude from which a
     * path holds on the example's side of zero only (getExponent, of |x|), or NaN for none.
     */
    private record Subject(String method, boolean floatParam, DoubleToLongFunction conversion, boolean infinitiesApart,
                           double signsApartFrom) {
        Subject(String method, boolean floatParam, DoubleToLongFunction conversion, boolean infinitiesApart) {
            this(method, floatParam, conversion, infinitiesApart, Double.NaN);       // never
        }
    }

    private static final List<Subject> SUBJECTS = List.of(
            new Subject("castInt", false, x -> (int) x, false),
            new Subject("castLong", false, x -> (long) x, false),
            new Subject("castFloatToInt", true, x -> (int) (float) x, false),
            new Subject("castFloatToLong", true, x -> (long) (float) x, false),
            new Subject("roundLong", false, Math::round, false),
            new Subject("roundInt", true, x -> Math.round((float) x), false),
            new Subject("strictRoundLong", false, StrictMath::round, false),
            new Subject("isNaN", false, x -> Double.isNaN(x) ? 1 : 0, false),
            new Subject("isFinite", false, x -> Double.isFinite(x) ? 1 : 0, true),
            new Subject("isInfinite", false, x -> Double.isInfinite(x) ? 1 : 0, true),
            new Subject("exponent", false, Math::getExponent, true, 0x1p-1022),
            new Subject("exponentF", true, x -> Math.getExponent((float) x), true, 0x1p-126));

    private static final double[] SPECIAL = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};

    /** Values where conversions change their result, their neighbours, and plain random ones. */
    private static double interesting(SplittableRandom r) {
        double x = switch (r.nextInt(8)) {
            case 0 -> r.nextDouble(-10.0, 10.0);
            case 1 -> r.nextInt(-10, 11) + 0.5 * r.nextInt(-2, 3);
            case 2 -> SPECIAL[r.nextInt(SPECIAL.length)];
            case 3 -> (r.nextBoolean() ? 1 : -1) * (0x1p31 + 0.5 * r.nextInt(-4, 3));   // int saturation
            case 4 -> (r.nextBoolean() ? 1 : -1) * (0x1p52 + 0.5 * r.nextInt(-3, 4));   // where doubles become integers
            case 5 -> (r.nextBoolean() ? 1 : -1) * (0x1p63 + 2048.0 * r.nextInt(-2, 3)); // long saturation
            case 6 -> (r.nextBoolean() ? 1 : -1) * Math.scalb(1.0, r.nextInt(-1074, 1024)); // powers of two
            default -> r.nextDouble(-1.0e12, 1.0e12);
        };
        return switch (r.nextInt(4)) {
            case 0 -> Math.nextUp(x);
            case 1 -> Math.nextDown(x);
            default -> x;
        };
    }

    @Property(tries = 150)
    void guardsHoldExactlyWhereTheConversionGivesTheSameResult(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (Subject s : SUBJECTS) {
            double x = s.floatParam() ? (float) interesting(r) : interesting(r);
            Object example = s.floatParam() ? (Object) (float) x : (Object) x;
            Trace t = CrossCountry.trace(C, s.method(), example);          // a wrong bound fails here: Guard checks the example
            assertTrue(t.guards().size() >= 1 && t.guards().size() <= 2, s + " at " + x + ": " + t.guards());
            long k = s.conversion().applyAsLong(x);
            List<Double> probes = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                probes.add(interesting(r));
            }
            for (double d : new double[] {-1.0, -0.5, 0.0, 0.5, 1.0}) {
                double b = k + d;
                probes.add(Math.nextDown(b));
                probes.add(b);
                probes.add(Math.nextUp(b));
            }
            // powers of two around x, and the smallest normals (where exponents change)
            int e = Double.isFinite(x) && x != 0.0 ? Math.getExponent(x) : 0;
            for (double b : new double[] {Math.scalb(1.0, e), Math.scalb(1.0, e + 1), 0x1p-1022, 0x1p-126}) {
                for (double sign : new double[] {1.0, -1.0}) {
                    probes.add(Math.nextDown(sign * b));
                    probes.add(sign * b);
                    probes.add(Math.nextUp(sign * b));
                }
            }
            for (double y0 : probes) {
                double y = s.floatParam() ? (float) y0 : y0;
                boolean same = s.conversion().applyAsLong(y) == k && Double.isNaN(y) == Double.isNaN(x)
                        && !(s.infinitiesApart() && Double.isInfinite(x) && y != x)
                        && !(Math.abs(x) >= s.signsApartFrom() && Math.signum(y) != Math.signum(x));
                boolean holds = guardsHold(t, new double[] {y});
                assertEquals(same, holds, s.method() + " traced at " + x + " (result " + k + "), called at " + y
                        + ": guards " + t.guards());
                if (holds) {
                    Object arg = s.floatParam() ? (Object) (float) y : (Object) y;
                    assertSameDouble(run(C, s.method(), arg)[0], GraphEvaluator.outputs(t.graph(), new double[] {y})[0],
                            s.method() + " at " + y + " on the path traced at " + x);
                }
            }
        }
    }

    /** Double.compare and Float.compare: one guard that holds exactly where the result is the same. */
    @Test
    void compareIsPinnedByOneComparison() {
        SplittableRandom r = new SplittableRandom(8);
        double[] values = {-2.0, -0.5, 0.5, 1.5, 3.0};
        for (int trial = 0; trial < 300; trial++) {
            double x = r.nextBoolean() ? values[r.nextInt(values.length)] : r.nextDouble(-3, 3);
            double y = r.nextBoolean() ? values[r.nextInt(values.length)] : r.nextDouble(-3, 3);
            if (x == 0.0 && y == 0.0) {
                continue;
            }
            Trace t = CrossCountry.trace(C, "compared", x, y);
            int k = Double.compare(x, y);
            assertEquals(k == 0 ? 2 : 1, t.guards().size(), x + " vs " + y + ": " + t.guards());
            for (int probe = 0; probe < 40; probe++) {
                double u = r.nextBoolean() ? values[r.nextInt(values.length)] : r.nextDouble(-3, 3);
                double v = probe % 3 == 0 ? u : r.nextBoolean() ? values[r.nextInt(values.length)] : r.nextDouble(-3, 3);
                boolean same = Double.compare(u, v) == k && (k != 0 || Math.signum(u) == Math.signum(x));
                assertEquals(same, guardsHold(t, new double[] {u, v}), "traced at " + x + ", " + y + "; called at " + u + ", " + v);
                if (same) {
                    assertSameDouble(run(C, "compared", u, v)[0], GraphEvaluator.outputs(t.graph(), new double[] {u, v})[0],
                            "compared(" + u + ", " + v + ")");
                }
            }
        }
        Trace constant = CrossCountry.trace(C, "comparedToConstant", 2.0);
        assertTrue(guardsHold(constant, new double[] {1.75}) && !guardsHold(constant, new double[] {1.5}), "x > 1.5 only");
        Trace floats = CrossCountry.trace(C, "comparedF", 0.25f, 0.75f);
        assertSameDouble(run(C, "comparedF", 0.25f, 0.75f)[0], floats.outputValues()[0], "Float.compare");
        assertRefused(C, "compared", "(DD)D", "INVOKESTATIC java/lang/Double.compare", "@conv-compare", "NaN", Double.NaN, 1.0);
        assertRefused(C, "compared", "(DD)D", "INVOKESTATIC java/lang/Double.compare", "@conv-compare", "equal zeros", 0.0, -0.0);
    }

    /** frexp-like scaling: x · 2^-getExponent(x) is one mul by a literal, retraced in each binade. */
    @Test
    void scalingByTheExponentIsAProductByAPowerOfTwo() {
        Graph g = CrossCountry.graph(C, "mantissa", 12.5);
        assertEquals(1, g.numVertices(), listing(g));
        assertEquals(ops(in(0), Operand.literal(0.125)), g.operands(1));
        CompiledJacobian j = CrossCountry.jacobian(C, "mantissa", Order.REV, 12.5);
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 200; i++) {
            double x = (r.nextBoolean() ? 1 : -1) * Math.scalb(r.nextDouble(1.0, 2.0), r.nextInt(-60, 60));
            assertEquals(Math.scalb(1.0, -Math.getExponent(x)), j.apply(x)[0][0], 0.0, "at " + x);
        }
        assertTrue(j.compiledPaths() > 10, "one path per binade and sign: " + j.compiledPaths());
    }

    @Test
    void aCastRecordsItsBoundsWithMethodAndLine() {
        Trace t = CrossCountry.trace(C, "castInt", 2.75);
        String method = id(C, "castInt", "(D)D");
        int line = line(C, "@conv-int");
        assertEquals(List.of(new Guard(in(0), Operand.literal(2.0), false, 1, Guard.mask(0) | Guard.mask(1), method, line),
                new Guard(in(0), Operand.literal(3.0), true, -1, Guard.mask(-1), method, line)), t.guards());
        assertEquals("in1 >= 2.0 at " + method + ":" + line, t.guards().get(0).toString());
        assertEquals("in1 < 3.0 at " + method + ":" + line, t.guards().get(1).toString());
        Trace negative = CrossCountry.trace(C, "castInt", -2.75);
        assertEquals(List.of(Guard.mask(1), Guard.mask(-1) | Guard.mask(0)),
                negative.guards().stream().map(Guard::pathMask).toList(), "-3 < x <= -2: " + negative.guards());
        Trace nan = CrossCountry.trace(C, "castInt", Double.NaN);
        assertEquals("in1 is NaN at " + method + ":" + line, nan.guards().get(0).toString());
    }

    @Test
    void piecewiseConstantFunctionsReadTheirOperandWithoutAnInEdge() {
        SplittableRandom r = new SplittableRandom(29);
        double x = r.nextDouble(-5.0, 5.0);
        Graph g = CrossCountry.graph(C, "timesFloor", x);
        assertEquals(2, g.numVertices(), listing(g));
        assertEquals(Op.FLOOR, g.op(1));
        assertEquals(ops(in(0)), g.operands(1), "the operand is kept for the value");
        assertEquals(0, g.predIds(1).length, "no in-edge");
        assertArrayEquals(new int[] {-1, 1}, g.predIds(2));
        assertEquals(ops(in(0), v(1)), g.operands(2));
        for (Op op : new Op[] {Op.FLOOR, Op.CEIL, Op.RINT, Op.SIGNUM}) {
            assertTrue(!op.differentiable(), op + " carries no derivative");
        }
        for (int s = 0; s < 200; s++) {
            double y = r.nextDouble(-5.0, 5.0);
            assertSameDouble(y * Math.floor(y), GraphEvaluator.outputs(g, new double[] {y})[0], "x * floor(x)");
        }
    }

    @Test
    void tableInterpolationGuardsItsIndex() {
        Trace t = CrossCountry.trace(C, "interpolate", 2.25);
        assertEquals(2, t.guards().size(), t.guards().toString());
        assertEquals(Op.FLOOR, t.graph().op(1));
        assertEquals(v(1), t.guards().get(0).left(), "the cast's guards compare floor's vertex");
        assertEquals(line(C, "@conv-interpolate"), t.guards().get(0).line());
        SplittableRandom r = new SplittableRandom(31);
        for (int s = 0; s < 500; s++) {
            double y = r.nextDouble(0.0, 5.0);
            boolean holds = guardsHold(t, new double[] {y});
            assertEquals(y >= 2.0 && y < 3.0, holds, "at " + y);
            if (holds) {
                assertSameDouble(run(C, "interpolate", y)[0], GraphEvaluator.outputs(t.graph(), new double[] {y})[0],
                        "interpolate at " + y);
            }
        }
    }
}
