package io.crosscountry.analysis;

import static io.crosscountry.analysis.TestSupport.assertSameDouble;
import static io.crosscountry.analysis.TestSupport.checkPrimal;
import static io.crosscountry.analysis.TestSupport.id;
import static io.crosscountry.analysis.TestSupport.in;
import static io.crosscountry.analysis.TestSupport.line;
import static io.crosscountry.analysis.TestSupport.lit;
import static io.crosscountry.analysis.TestSupport.ops;
import static io.crosscountry.analysis.TestSupport.run;
import static io.crosscountry.analysis.TestSupport.v;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.CrossCountry;
import io.crosscountry.analysis.fixtures.Guards;
import io.crosscountry.analysis.fixtures.Helpers;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.Op;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** Branches on doubles follow the example arguments and record guards. */
class TracerGuardTest {

    private static final Class<?> G = Guards.class;

    private final SplittableRandom rnd = new SplittableRandom(0x6A4D);

    /** (x, y) with x > y by a clear margin, random. */
    private double[] greaterPair() {
        double y = rnd.nextDouble(-5.0, 5.0);
        return new double[] {y + rnd.nextDouble(0.1, 5.0), y};
    }

    @Test
    void branchFollowsTheExampleAndRecordsAGuard() {
        double[] gt = greaterPair();
        Trace taken = CrossCountry.trace(G, "greater", gt[0], gt[1]);
        Trace notTaken = CrossCountry.trace(G, "greater", gt[1], gt[0]);

        assertEquals(1, taken.graph().numVertices());
        assertEquals(Op.MUL, taken.graph().op(1));
        assertEquals(Op.SUB, notTaken.graph().op(1));
        assertNotEquals(taken.graph().fingerprint(), notTaken.graph().fingerprint());

        String method = id(G, "greater", "(DD)D");
        int line = line(G, "@guard-greater");
        assertEquals(1, taken.guards().size());
        Guard g = taken.guards().get(0);
        // x > y compiles to dcmpl; ifle: only result 1 skips the jump, results -1 and 0 both take it
        assertEquals(new Guard(in(0), in(1), false, 1, Guard.mask(1), method, line), g, "x > y compiles to dcmpl");
        Guard h = notTaken.guards().get(0);
        assertEquals(new Guard(in(0), in(1), false, -1, Guard.mask(-1) | Guard.mask(0), method, line), h);
        assertTrue(g.toString().contains(method + ":" + line), g.toString());

        assertSameDouble(gt[0] * gt[1], taken.outputValues()[0], "taken");
        assertSameDouble(gt[1] - gt[0], notTaken.outputValues()[0], "not taken");
    }

    @Test
    void guardedGraphIsExactWhereTheGuardHolds() {
        double[] gt = greaterPair();
        Trace t = CrossCountry.trace(G, "greater", gt[0], gt[1]);
        Guard guard = t.guards().get(0);
        int held = 0;
        for (int s = 0; s < 2000; s++) {
            double x = rnd.nextDouble(-5, 5);
            double y = rnd.nextDouble(-5, 5);
            if (guard.holds(x, y)) {
                held++;
                assertSameDouble(run(G, "greater", x, y)[0], GraphEvaluator.outputs(t.graph(), new double[] {x, y})[0],
                        "greater at " + x + ", " + y);
            }
        }
        assertTrue(held > 500, "about half the samples take the traced path");
    }

    @Test
    void dcmplVersusDcmpgOnNaN() {
        double[] gt = greaterPair();
        double big = gt[0];
        double small = gt[1];
        // x > y: dcmpl, NaN compares as less and takes the else branch, like x <= y
        Guard greaterTaken = CrossCountry.trace(G, "greater", big, small).guards().get(0);
        Guard greaterNotTaken = CrossCountry.trace(G, "greater", small, big).guards().get(0);
        assertFalse(greaterTaken.nanHigh());
        assertTrue(greaterTaken.holds(big, small));
        assertFalse(greaterTaken.holds(small, big));
        assertFalse(greaterTaken.holds(small, small), "equal is not greater");
        assertFalse(greaterTaken.holds(Double.NaN, small));
        assertFalse(greaterTaken.holds(big, Double.NaN));
        assertTrue(greaterNotTaken.holds(Double.NaN, small), "Java: NaN > y is false, the traced else path");
        assertTrue(greaterNotTaken.holds(small, Double.NaN));
        assertTrue(greaterNotTaken.holds(small - 1.0, big));
        assertTrue(greaterNotTaken.holds(small, small), "x == y takes the same else path as x < y");

        // x < y: dcmpg, NaN compares as greater and takes the else branch, like x >= y
        Guard lessTaken = CrossCountry.trace(G, "less", small, big).guards().get(0);
        Guard lessNotTaken = CrossCountry.trace(G, "less", big, small).guards().get(0);
        assertTrue(lessTaken.nanHigh());
        assertEquals(-1, lessTaken.outcome());
        assertEquals(line(G, "@guard-less"), lessTaken.line());
        assertTrue(lessTaken.holds(small, big));
        assertFalse(lessTaken.holds(Double.NaN, big), "Java: NaN < y is false");
        assertFalse(lessTaken.holds(small, Double.NaN));
        assertTrue(lessNotTaken.holds(Double.NaN, big));
        assertTrue(lessNotTaken.holds(big, Double.NaN));

        assertEquals(-1, Guard.compare(Double.NaN, 1.0, false));
        assertEquals(1, Guard.compare(Double.NaN, 1.0, true));
        assertEquals(1, Guard.compare(1.0, Double.NaN, true));
        assertEquals(0, Guard.compare(0.0, -0.0, false), "0.0 == -0.0 as in dcmpl");
        assertEquals(-1, Guard.compare(-2.5, 3.0, true));
        assertEquals(1, Guard.compare(Double.POSITIVE_INFINITY, 3.0, false));
    }

    /** Whenever a guard holds, a call takes the traced path: the retraced graph is the same. */
    @Property(tries = 500)
    void holdingGuardsMeanTheSamePath(@ForAll @DoubleRange(min = -3, max = 3) double x0,
                                      @ForAll @DoubleRange(min = -3, max = 3) double y0,
                                      @ForAll @DoubleRange(min = -3, max = 3) double x1,
                                      @ForAll @DoubleRange(min = -3, max = 3) double y1) {
        for (String m : new String[] {"greater", "less"}) {
            Trace traced = CrossCountry.trace(G, m, x0, y0);
            Trace other = CrossCountry.trace(G, m, x1, y1);
            Guard guard = traced.guards().get(0);
            if (guard.holds(x1, y1)) {
                assertEquals(traced.graph().fingerprint(), other.graph().fingerprint(), m);
            }
            boolean javaTakesTheSameBranch = m.equals("greater") ? (x0 > y0) == (x1 > y1) : (x0 < y0) == (x1 < y1);
            if (!javaTakesTheSameBranch) {
                assertFalse(guard.holds(x1, y1), m + ": a different path must fail the guard");
            }
        }
    }

    @Test
    void nanExampleTakesTheElseBranch() {
        Trace g = CrossCountry.trace(G, "greater", Double.NaN, 1.5);
        assertEquals(Op.SUB, g.graph().op(1));
        assertEquals(-1, g.guards().get(0).outcome());
        Trace l = CrossCountry.trace(G, "less", Double.NaN, 1.5);
        assertEquals(Op.MUL, l.graph().op(1), "y * 2.0");
        assertEquals(1, l.guards().get(0).outcome());
    }

    @Test
    void floatComparison() {
        Trace t = CrossCountry.trace(G, "floatGreater", 2.5f, -1.25f);
        assertEquals(Op.MUL, t.graph().op(1));
        assertTrue(t.graph().isSinglePrecision(1));
        Guard g = t.guards().get(0);
        assertFalse(g.nanHigh(), "a > b on floats is fcmpl");
        assertEquals(1, g.outcome());
        assertEquals(Op.ADD, CrossCountry.trace(G, "floatGreater", -2.5f, 1.25f).graph().op(1));
    }

    @Test
    void mathMaxIsNotAGuard() {
        double[] gt = greaterPair();
        for (double[] p : new double[][] {gt, {gt[1], gt[0]}}) {
            Trace t = checkPrimal(G, "viaMax", rnd, 500, -5, 5, p[0], p[1]);
            assertTrue(t.guards().isEmpty());
            assertEquals(Op.MAX, t.graph().op(1));
        }
    }

    @Test
    void comparisonOfConstantsIsNotAGuard() {
        Trace t = checkPrimal(G, "constantCompare", rnd, 50, -5, 5, rnd.nextDouble(-5, 5));
        assertTrue(t.guards().isEmpty());
        assertEquals(ops(in(0), lit(2.0)), t.graph().operands(1));
    }

    @Test
    void guardInAnInlinedHelperNamesTheHelper() {
        double x = rnd.nextDouble(0.5, 3.0);
        Trace t = CrossCountry.trace(G, "inHelper", x);
        assertEquals(1, t.guards().size());
        Guard g = t.guards().get(0);
        assertEquals(new Guard(in(0), lit(0.0), false, 1, Guard.mask(1), id(Helpers.class, "relu", "(D)D"),
                line(Helpers.class, "@guard-relu")), g);
        assertEquals(1, t.graph().numVertices(), "relu returns x itself, then x + x");
        assertEquals(ops(in(0), in(0)), t.graph().operands(1));
        Trace neg = CrossCountry.trace(G, "inHelper", -x);
        assertEquals(-1, neg.guards().get(0).outcome());
        assertEquals(2, neg.graph().numVertices());
    }

    @Test
    void loopOnADoubleBoundUnrollsWithOneGuardPerTest() {
        int trips = 1 + rnd.nextInt(5);
        double x = trips - rnd.nextDouble(0.05, 0.95);
        Trace t = CrossCountry.trace(G, "doubleBound", x);
        assertEquals(trips, t.graph().numVertices());
        assertEquals(trips + 1, t.guards().size());
        for (int i = 0; i <= trips; i++) {
            Guard g = t.guards().get(i);
            assertEquals(lit(i), g.left(), "i2d of the counter is a literal");
            assertEquals(in(0), g.right());
            assertTrue(g.nanHigh(), "i < x is dcmpg");
            assertEquals(i < trips ? -1 : 1, g.outcome());
        }
        assertSameDouble(run(G, "doubleBound", x)[0], t.outputValues()[0], "value");
    }

    @Test
    void guardOnAVertexAgainstALiteral() {
        double x = rnd.nextDouble(1.5, 3.0);
        Trace t = CrossCountry.trace(G, "vertexVsLiteral", x);
        Guard g = t.guards().get(0);
        assertEquals(v(1), g.left());
        assertEquals(lit(2.0), g.right());
        assertEquals(1, g.outcome());
        Graph graph = t.graph();
        assertEquals(Op.SUB, graph.op(2));
        double[] vv = t.vertexValues();
        assertTrue(g.holds(vv[0], 2.0));
        assertEquals(Op.NEG, CrossCountry.graph(G, "vertexVsLiteral", x / 10.0).op(2));
    }
}
