package io.crosscountry.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.CompiledJacobian;
import io.crosscountry.CrossCountry;
import io.crosscountry.Order;
import io.crosscountry.PathChangedException;
import io.crosscountry.analysis.Trace;
import io.crosscountry.analysis.fixtures.Guards;
import io.crosscountry.analysis.fixtures.Helpers;
import io.crosscountry.analysis.fixtures.Ops;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.Op;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Guards re-checked by generated code: retracing onto the other path, or PathChangedException. */
class GuardTest {

    /**
     * Newton's method on Kepler's equation, stopping once the step is within 4 ulps of the iterate
     * (a guard comparing a differentiated step with a {@code Math.ulp} vertex): the Jacobian of the
     * converged iteration is the implicit derivative, ∂E/∂M = 1/(1 − e·cos E) and
     * ∂E/∂e = sin E/(1 − e·cos E); other trip counts retrace.
     */
    @Test
    void newtonIterationStoppingWithinAFewUlpsGivesTheImplicitDerivative() {
        Trace trace = CrossCountry.trace(Ops.class, "eccentricAnomaly", 1.0, 0.3);
        Graph g = trace.graph();
        assertTrue(java.util.stream.IntStream.rangeClosed(1, g.numVertices()).anyMatch(v -> g.op(v) == Op.ULP));
        assertFalse(trace.guards().isEmpty(), "the loop's exit is a guard");
        CompiledJacobian j = CrossCountry.jacobian(Ops.class, "eccentricAnomaly", Order.MARKOWITZ, 1.0, 0.3);
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            double meanAnomaly = rnd.nextDouble(0.1, 3.0);
            double eccentricity = rnd.nextDouble(0.0, 0.9);
            double e = Ops.eccentricAnomaly(meanAnomaly, eccentricity);
            double d = 1.0 - eccentricity * Math.cos(e);
            double[] row = j.apply(meanAnomaly, eccentricity)[0];
            String at = "M = " + meanAnomaly + ", e = " + eccentricity;
            assertEquals(1.0 / d, row[0], 1e-9 / d, "∂E/∂M at " + at);
            assertEquals(Math.sin(e) / d, row[1], 1e-9 / d, "∂E/∂e at " + at);
        }
        assertTrue(j.compiledPaths() > 1, "other trip counts are other paths: " + j.compiledPaths());
    }

    @Test
    void anotherBranchRetracesAndCachesThePath() {
        CompiledJacobian j = CrossCountry.jacobian(Subjects.class, "guarded", Order.REV, 2.0, 1.0);
        assertArrayEquals(new double[] {1.0, 2.0}, j.apply(2.0, 1.0)[0]);        // x*y → (y, x)
        assertEquals(1, j.compiledPaths());
        double[][] other = j.apply(0.5, 1.5);                                     // x - y + sin x
        assertArrayEquals(new double[] {1.0 + Math.cos(0.5), -1.0}, other[0]);
        assertEquals(2, j.compiledPaths());
        assertArrayEquals(new double[] {0.5, 3.0}, j.apply(3.0, 0.5)[0]);
        assertArrayEquals(new double[] {1.0 + Math.cos(0.25), -1.0}, j.apply(0.25, 0.75)[0]);
        assertEquals(2, j.compiledPaths(), "both paths are cached");
        assertEquals(2, j.withRetracing(false).compiledPaths(), "views share the cache");
    }

    @Test
    void flatInputsOnAnotherBranchRetraceOrThrow() {
        CompiledJacobian j = CrossCountry.jacobian(Subjects.class, "guarded", Order.REV, 2.0, 1.0);
        assertArrayEquals(new double[] {1.0 + Math.cos(0.5), -1.0}, j.applyFlat(new double[] {0.5, 1.5})[0]);
        assertEquals(2, j.compiledPaths());
        assertArrayEquals(new double[] {0.5, 3.0}, j.applyFlat(new double[] {3.0, 0.5})[0]);
        CompiledJacobian strict = CrossCountry.jacobian(Subjects.class, "guarded", Order.REV, 2.0, 1.0).withRetracing(false);
        double[][] jac = {{7.0, 7.0}};
        PathChangedException e = assertThrows(PathChangedException.class, () -> strict.applyFlatInto(jac, new double[] {0.5, 1.5}));
        assertEquals(Check.line(Subjects.class, "@guard"), e.line());
        assertArrayEquals(new double[] {7.0, 7.0}, jac[0], "J untouched when the path changed");
    }

    @Test
    void withoutRetracingAPathChangeNamesMethodAndLine() {
        CompiledJacobian j = CrossCountry.jacobian(Subjects.class, "guarded", Order.FWD, 2.0, 1.0).withRetracing(false);
        assertFalse(j.retracing());
        assertArrayEquals(new double[] {0.5, 3.0}, j.apply(3.0, 0.5)[0]);
        PathChangedException e = assertThrows(PathChangedException.class, () -> j.apply(0.5, 1.5));
        int line = Check.line(Subjects.class, "@guard");
        assertEquals(Subjects.class.getName() + ".guarded(DD)D", e.method());
        assertEquals(line, e.line());
        assertTrue(e.getMessage().contains("guarded(DD)D line " + line), e.getMessage());
        double[][] jac = {{7.0, 7.0}};
        assertThrows(PathChangedException.class, () -> j.applyInto(jac, 0.5, 1.5));
        assertArrayEquals(new double[] {7.0, 7.0}, jac[0], "J untouched when the path changed");
        assertEquals(1, j.compiledPaths());
    }

    @Test
    void aGuardInAHelperNamesTheHelper() {
        CompiledJacobian j = CrossCountry.jacobian(Guards.class, "inHelper", Order.AUTO, 1.5).withRetracing(false);
        assertArrayEquals(new double[] {2.0}, j.apply(0.5)[0]);                   // relu(x) + x
        PathChangedException e = assertThrows(PathChangedException.class, () -> j.apply(-0.5));
        assertEquals(Helpers.class.getName() + ".relu(D)D", e.method());
        assertEquals(Check.line(Helpers.class, "@guard-relu"), e.line());
        assertArrayEquals(new double[] {1.0}, j.withRetracing(true).apply(-0.5)[0]);   // 0*x + x
    }

    /** One guard per loop test, spread over tiny chunks and classes: every flag reaches the result. */
    @Test
    void everyGuardIsCheckedAcrossChunksAndClasses() {
        Trace t = CrossCountry.trace(Guards.class, "doubleBound", 3.5);
        assertEquals(5, t.guards().size());
        for (Backend.Limits limits : new Backend.Limits[] {Backend.Limits.DEFAULT, new Backend.Limits(1, 90, 1)}) {
            CompiledPath path = JacobianCompiler.compile(t.graph(), t.guards(), t.graph().reverseOrder(), limits);
            ClassFiles.verify(path);
            double[] w = path.newWorkArray();
            double[][] j = {{Double.NaN}};
            assertTrue(path.evaluate(new double[] {3.7}, w, j));
            assertEquals(4.0, j[0][0]);                                          // s = 4x
            for (double x : new double[] {2.5, 4.5, 0.5, Double.NaN}) {
                j[0][0] = -1.0;
                assertFalse(path.evaluate(new double[] {x}, w, j), "x = " + x);
                assertEquals(-1.0, j[0][0]);
                assertTrue(path.failedGuard(new double[] {x}).isPresent());
            }
            assertTrue(path.failedGuard(new double[] {3.7}).isEmpty());
        }
    }

    /** A comparison with a literal on a vertex, at and around the boundary. */
    @Test
    void boundariesFollowTheComparison() {
        Trace t = CrossCountry.trace(Guards.class, "vertexVsLiteral", 2.0);   // y = x*x >= 2.0
        CompiledPath path = JacobianCompiler.compile(t, t.graph().forwardOrder());
        double[][] j = new double[1][1];
        double[] w = path.newWorkArray();
        assertTrue(path.evaluate(new double[] {-1.5}, w, j));
        assertEquals(-3.0, j[0][0]);
        assertFalse(path.evaluate(new double[] {1.0}, w, j));
        assertFalse(path.evaluate(new double[] {Double.NaN}, w, j));            // dcmpl: NaN compares as less
    }
}
