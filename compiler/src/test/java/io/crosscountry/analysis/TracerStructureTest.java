package io.crosscountry.analysis;

import static io.crosscountry.analysis.TestSupport.assertSameDouble;
import static io.crosscountry.analysis.TestSupport.checkPrimal;
import static io.crosscountry.analysis.TestSupport.in;
import static io.crosscountry.analysis.TestSupport.line;
import static io.crosscountry.analysis.TestSupport.listing;
import static io.crosscountry.analysis.TestSupport.lit;
import static io.crosscountry.analysis.TestSupport.ops;
import static io.crosscountry.analysis.TestSupport.randomArray;
import static io.crosscountry.analysis.TestSupport.v;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.CrossCountry;
import io.crosscountry.UnsupportedBytecodeException;
import io.crosscountry.analysis.fixtures.Structure;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.Op;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Constants, loops, inlining, array parameters and results, stack operations, switches, outputs. */
class TracerStructureTest {

    private static final Class<?> S = Structure.class;

    private final SplittableRandom rnd = new SplittableRandom(0x5EED);

    private double x() {
        return rnd.nextDouble(-3.0, 3.0);
    }

    // ------------------------------------------------------------------ constants

    @Test
    void constantsOnlyAreFoldedIntoOneLiteral() {
        Trace t = checkPrimal(S, "constantOnly", rnd, 20, -3, 3, x());
        Graph g = t.graph();
        double expected = 2.0 * 3.0 + Math.sqrt(2.0) - Math.exp(-2.0) / 4.0;
        assertEquals(1, g.numVertices(), listing(g));
        assertEquals(Op.COPY, g.op(1));
        assertEquals(ops(lit(expected)), g.operands(1));
        assertEquals(0, g.predIds(1).length);
        assertEquals(0, g.inputSuccIds(0).length, "the input is unused");
        assertEquals(0, g.eliminable().length);
    }

    @Test
    void foldedConstantsLeaveOneVertex() {
        Graph g = checkPrimal(S, "foldedConstants", rnd, 50, -3, 3, x()).graph();
        double d = 2.0 * 3.0 + Math.sqrt(2.0) - 3 * 0.5;
        assertEquals(1, g.numVertices(), listing(g));
        assertEquals(Op.MUL, g.op(1));
        assertEquals(ops(in(0), lit(d)), g.operands(1));
    }

    @Test
    void staticFinalDoubleIsALiteral() {
        Graph g = checkPrimal(S, "scaled", rnd, 50, -3, 3, x()).graph();
        assertEquals(1, g.numVertices(), listing(g));
        assertEquals(ops(in(0), lit(Math.sqrt(2.0))), g.operands(1));
    }

    @Test
    void staticFinalTableIsReadAsConstants() {
        Graph g = checkPrimal(S, "weighted", rnd, 50, -3, 3, (Object) randomArray(rnd, 3, -3, 3)).graph();
        double[] w = {0.25, -1.5, 3.0};
        assertEquals(6, g.numVertices(), listing(g));
        for (int i = 0; i < 3; i++) {
            assertEquals(Op.MUL, g.op(2 * i + 1));
            assertEquals(ops(lit(w[i]), in(i)), g.operands(2 * i + 1));
            assertEquals(Op.ADD, g.op(2 * i + 2));
        }
        assertEquals(ops(lit(0.0), v(1)), g.operands(2), "s = 0.0 is a literal, 0.0 + w*x a vertex");
        assertEquals(ops(v(2), v(3)), g.operands(4));
        assertArrayEquals(new int[] {6}, g.outputs());
    }

    @Test
    void staticFinal2dTableIsReadAsConstants() {
        Graph g = checkPrimal(S, "matVec", rnd, 50, -3, 3, (Object) randomArray(rnd, 2, -3, 3)).graph();
        assertEquals(6, g.numVertices(), listing(g));
        assertEquals(ops(lit(1.5), in(0)), g.operands(1));
        assertEquals(ops(lit(2.0), in(1)), g.operands(2));
        assertEquals(ops(v(1), v(2)), g.operands(3));
        assertEquals(ops(lit(-0.5), in(0)), g.operands(4));
        assertEquals(ops(lit(4.0), in(1)), g.operands(5));
        assertArrayEquals(new int[] {3, 6}, g.outputs());
    }

    @Test
    void staticFinalIntBoundsALoop() {
        Graph g = checkPrimal(S, "staticFinalInt", rnd, 50, -3, 3, x()).graph();
        assertEquals(3, g.numVertices(), listing(g));
    }

    // ------------------------------------------------------------------ loops and concrete parameters

    @Property(tries = 40)
    void loopsUnrollTripCountTimesBody(@ForAll @IntRange(min = 1, max = 12) int n,
                                       @ForAll @DoubleRange(min = -1.2, max = 1.2) double x) {
        Graph g = checkPrimal(S, "poly", new SplittableRandom(n), 10, -1.2, 1.2, x, n).graph();
        assertEquals(2 * n, g.numVertices(), listing(g));
        for (int i = 0; i < n; i++) {
            assertEquals(Op.MUL, g.op(2 * i + 1));
            assertEquals(Op.ADD, g.op(2 * i + 2));
            assertEquals(ops(i == 0 ? in(0) : v(2 * i), in(0)), g.operands(2 * i + 1));
            assertEquals(ops(v(2 * i + 1), lit(1.0)), g.operands(2 * i + 2));
        }
        assertArrayEquals(new int[] {2 * n}, g.outputs());
    }

    @Test
    void intParameterIsConcreteAndChangesTheGraph() {
        double x = x();
        Set<String> fingerprints = new HashSet<>();
        for (int n = 0; n <= 5; n++) {
            Graph g = CrossCountry.graph(S, "poly", x, n);
            assertEquals(n == 0 ? 1 : 2 * n, g.numVertices(), "n=" + n + ": " + listing(g));
            assertEquals(1, g.numInputs(), "an int is not an input");
            fingerprints.add(g.fingerprint());
        }
        assertEquals(6, fingerprints.size());
        Graph zero = CrossCountry.graph(S, "poly", x, 0);
        assertEquals(Op.COPY, zero.op(1), "n = 0 returns the input");
    }

    @Property(tries = 20)
    void longParameterAndLongCounter(@ForAll @LongRange(min = 0, max = 7) long n,
                                     @ForAll @DoubleRange(min = -2, max = 2) double x) {
        Graph g = checkPrimal(S, "longLoop", new SplittableRandom(n), 10, -2, 2, x, n).graph();
        assertEquals(n == 0 ? 1 : 2 * n, g.numVertices(), listing(g));
    }

    @Test
    void longParameterAcceptsAnInteger() {
        Graph g = CrossCountry.graph(S, "longLoop", x(), 3);
        assertEquals(6, g.numVertices());
    }

    @Test
    void booleanParameterIsConcrete() {
        double x = x();
        double y = x();
        Graph product = checkPrimal(S, "choose", rnd, 30, -3, 3, x, y, true).graph();
        Graph sum = checkPrimal(S, "choose", rnd, 30, -3, 3, x, y, false).graph();
        assertEquals(2, product.numInputs());
        assertEquals(Op.MUL, product.op(1));
        assertEquals(Op.ADD, sum.op(1));
        assertNotEquals(product.fingerprint(), sum.fingerprint());
    }

    @Test
    void forEachOverAnArrayParameter() {
        for (int n = 1; n <= 5; n++) {
            Graph g = checkPrimal(S, "sumSquares", rnd, 20, -3, 3, (Object) randomArray(rnd, n, -3, 3)).graph();
            assertEquals(2 * n, g.numVertices(), listing(g));
            for (int i = 0; i < n; i++) {
                assertArrayEquals(new int[] {-(i + 1)}, g.predIds(2 * i + 1), "x[i]*x[i] has one pred");
            }
        }
    }

    // ------------------------------------------------------------------ inlining

    @Test
    void helpersInlineInCallOrder() {
        Trace t = checkPrimal(S, "nested", rnd, 50, -3, 3, x(), x());
        Graph g = t.graph();
        assertEquals(5, g.numVertices(), listing(g));
        assertEquals(Op.SIN, g.op(1), "Helpers.inner (private, another class) first");
        assertEquals(ops(in(0)), g.operands(1));
        assertEquals(Op.MUL, g.op(2));
        assertEquals(ops(v(1), lit(2.0)), g.operands(2));
        assertEquals(Op.MUL, g.op(3), "then the private h(y)");
        assertEquals(ops(in(1), in(1)), g.operands(3));
        assertEquals(Op.ADD, g.op(4));
        assertEquals(ops(v(3), lit(1.0)), g.operands(4));
        assertEquals(Op.ADD, g.op(5));
        assertEquals(ops(v(2), v(4)), g.operands(5));
        assertEquals("io.crosscountry.analysis.fixtures.Structure.nested(DD)D", t.method());
    }

    @Test
    void privateMethodOfANestedClassInlines() {
        Graph g = checkPrimal(S, "nestmate", rnd, 50, -3, 3, x()).graph();
        assertEquals(3, g.numVertices(), listing(g));
        assertEquals(ops(in(0), in(0)), g.operands(1));
        assertEquals(ops(v(1), in(0)), g.operands(2));
        assertEquals(ops(v(2), lit(1.0)), g.operands(3));
    }

    @Test
    void interfaceStaticMethodInlines() {
        Graph g = checkPrimal(S, "viaInterface", rnd, 50, 0.5, 3, x(), rnd.nextDouble(0.5, 3)).graph();
        assertEquals(5, g.numVertices(), listing(g));
        assertEquals(Op.DIV, g.op(1));
        assertEquals(ops(in(0), in(1)), g.operands(1));
        assertEquals(ops(lit(-0.5), v(1)), g.operands(2));
        assertEquals(ops(v(2), v(1)), g.operands(3));
        assertEquals(Op.EXP, g.op(4));
        assertEquals(ops(v(4), lit(3.0)), g.operands(5));
    }

    @Test
    void recursionWithAConcreteDepthInlines() {
        for (int n = 1; n <= 6; n++) {
            Graph g = checkPrimal(S, "recursive", rnd, 20, -1.1, 1.1, rnd.nextDouble(-1.1, 1.1), n).graph();
            assertEquals(n, g.numVertices(), listing(g));
            for (int k = 1; k <= n; k++) {
                assertEquals(Op.MUL, g.op(k));
                assertEquals(1, g.predIds(k).length);
            }
        }
    }

    // ------------------------------------------------------------------ array parameters and results

    @Test
    void arrayParametersFlattenInParameterOrder() {
        double[][] m = {randomArray(rnd, 2, 0.5, 1.5), randomArray(rnd, 1, 0.5, 1.5)};
        Trace t = checkPrimal(S, "mixedParams", rnd, 50, 0.5, 1.5, x(), randomArray(rnd, 2, -3, 3), m, x());
        assertEquals(List.of("a", "x[0]", "x[1]", "m[0][0]", "m[0][1]", "m[1][0]", "b"), t.inputLabels());
        Graph g = t.graph();
        assertEquals(6, g.numVertices(), listing(g));
        assertEquals(ops(in(0), in(6)), g.operands(1), "a * b");
        assertEquals(ops(v(1), in(1)), g.operands(2));
        assertEquals(ops(v(2), in(2)), g.operands(3));
        assertEquals(ops(v(3), in(3)), g.operands(4));
        assertEquals(ops(v(4), in(4)), g.operands(5));
        assertEquals(ops(v(5), in(5)), g.operands(6));
    }

    @Test
    void doubleArrayResultFlattens() {
        double[] x = randomArray(rnd, 4, -3, 3);
        Graph g = checkPrimal(S, "scaleVec", rnd, 50, -3, 3, x, x()).graph();
        assertEquals(4, g.numVertices());
        assertArrayEquals(new int[] {1, 2, 3, 4}, g.outputs());
        for (int i = 0; i < 4; i++) {
            assertEquals(ops(in(4), in(i)), g.operands(i + 1));
        }
    }

    @Test
    void doubleMatrixResultFlattensRowMajor() {
        Trace t = checkPrimal(S, "outer", rnd, 50, -3, 3, randomArray(rnd, 2, -3, 3), randomArray(rnd, 3, -3, 3));
        Graph g = t.graph();
        assertEquals(6, g.numVertices());
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6}, g.outputs());
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(ops(in(i), in(2 + j)), g.operands(3 * i + j + 1));
            }
        }
    }

    @Test
    void floatArrayParameter() {
        float[] a = {(float) x(), (float) x(), (float) x()};
        Trace t = checkPrimal(S, "floatArray", rnd, 50, -3, 3, (Object) a);
        Graph g = t.graph();
        assertEquals(List.of("a[0]", "a[1]", "a[2]"), t.inputLabels());
        assertEquals(3, g.numVertices());
        for (int i = 1; i <= 3; i++) {
            assertTrue(g.isSinglePrecision(i), "fmul");
        }
    }

    // ------------------------------------------------------------------ stack operations

    @Test
    void compoundAssignmentOnDoubleArray() {
        double[] a = randomArray(rnd, 3, -3, 3);
        Graph g = checkPrimal(S, "accumulate", rnd, 50, -3, 3, a, x()).graph();
        assertEquals(4, g.numInputs());
        assertEquals(4, g.numVertices(), listing(g));
        assertEquals(Op.ADD, g.op(1));
        assertEquals(ops(in(0), in(3)), g.operands(1));
        assertEquals(Op.SUB, g.op(2));
        assertEquals(ops(in(1), in(3)), g.operands(2));
        assertEquals(Op.MUL, g.op(3));
        assertEquals(ops(v(1), v(2)), g.operands(3));
        assertEquals(Op.COPY, g.op(4), "a[2] is returned unchanged");
        assertArrayEquals(new int[] {3, 2, 4}, g.outputs());
    }

    @Test
    void assignmentChainOnDoubles() {
        Graph g = checkPrimal(S, "chain", rnd, 50, -3, 3, x(), x()).graph();
        assertEquals(2, g.numVertices(), listing(g));
        assertEquals(ops(v(1), v(1)), g.operands(2));
        assertArrayEquals(new int[] {1}, g.predIds(2));
    }

    @Test
    void compoundAssignmentValueUsed() {
        Graph g = checkPrimal(S, "compoundValue", rnd, 50, -3, 3, randomArray(rnd, 2, -3, 3), x()).graph();
        assertEquals(2, g.numVertices(), listing(g));
        assertEquals(ops(in(1), in(2)), g.operands(1));
        assertEquals(ops(v(1), v(1)), g.operands(2));
    }

    @Test
    void longArrayCounter() {
        for (long n = 0; n <= 4; n++) {
            Graph g = checkPrimal(S, "longCounter", rnd, 20, -2, 2, x(), n).graph();
            assertEquals(2 * n + 1, g.numVertices(), "n=" + n + ": " + listing(g));
            assertEquals(ops(n == 0 ? in(0) : v((int) (2 * n)), lit(n + 1)), g.operands((int) (2 * n + 1)));
        }
    }

    @Test
    void arrayStoreChains() {
        for (int k = 0; k < 3; k++) {
            Graph g = checkPrimal(S, "arrayChain", rnd, 20, -3, 3, x(), k).graph();
            assertEquals(2, g.numVertices(), listing(g));
            assertEquals(ops(in(0), lit(2.0)), g.operands(1));
            assertEquals(ops(v(1), v(1)), g.operands(2));
        }
    }

    @Test
    void arrayFillAndCopyMoveTracedValues() {
        Trace t = checkPrimal(S, "fillAndCopy", rnd, 50, -3, 3, randomArray(rnd, 3, -3, 3), x());
        assertEquals(5, t.graph().numOutputs());
        UnsupportedBytecodeException e = assertThrows(UnsupportedBytecodeException.class,
                () -> CrossCountry.graph(S, "arraycopyOutOfBounds", (Object) randomArray(rnd, 3, -3, 3)));
        assertEquals(line(S, "@err-arraycopy"), e.line());
        assertTrue(e.getMessage().contains("out of bounds"), e.getMessage());
        assertEquals(1, CrossCountry.graph(S, "arraycopyOutOfBounds", (Object) randomArray(rnd, 2, -3, 3)).numOutputs());
    }

    @Test
    void arrayCloneIsAShallowCopy() {
        Graph g = checkPrimal(S, "cloned", rnd, 50, -3, 3, (Object) randomArray(rnd, 2, -3, 3)).graph();
        assertEquals(2, g.numVertices(), listing(g));
        assertEquals(Op.MUL, g.op(1));
        assertEquals(ops(in(0), lit(2.0)), g.operands(1));
        assertEquals(Op.COPY, g.op(2), "x[0] is unchanged by writing the clone");
        assertEquals(ops(in(0)), g.operands(2));
        assertArrayEquals(new int[] {2, 1}, g.outputs());

        double[][] m = {randomArray(rnd, 2, -3, 3), randomArray(rnd, 2, -3, 3)};
        Graph g2 = checkPrimal(S, "clone2d", rnd, 50, -3, 3, (Object) m).graph();
        assertEquals(3, g2.numVertices(), listing(g2));
        assertEquals(ops(in(0), in(1)), g2.operands(1));
        assertArrayEquals(new int[] {1, 2, 3}, g2.outputs());
    }

    // ------------------------------------------------------------------ switches

    @Test
    void tableSwitchOnInt() {
        Op[] expected = {Op.ADD, Op.MUL, Op.SIN, Op.NEG, Op.NEG};
        int[] keys = {0, 1, 2, 3, -7};
        for (int i = 0; i < keys.length; i++) {
            Graph g = checkPrimal(S, "tableSwitch", rnd, 20, -3, 3, x(), keys[i]).graph();
            assertEquals(1, g.numVertices());
            assertEquals(expected[i], g.op(1), "k=" + keys[i]);
        }
    }

    @Test
    void lookupSwitchOnInt() {
        Op[] expected = {Op.ADD, Op.MUL, Op.EXP, Op.SUB};
        int[] keys = {-5, 10, 1000, 11};
        for (int i = 0; i < keys.length; i++) {
            Graph g = checkPrimal(S, "lookupSwitch", rnd, 20, -3, 3, x(), keys[i]).graph();
            assertEquals(1, g.numVertices());
            assertEquals(expected[i], g.op(1), "k=" + keys[i]);
        }
    }

    // ------------------------------------------------------------------ outputs

    @Test
    void returningAnInputIsACopy() {
        Graph g = checkPrimal(S, "returnInput", rnd, 20, -3, 3, x()).graph();
        assertEquals(1, g.numVertices());
        assertEquals(Op.COPY, g.op(1));
        assertEquals(ops(in(0)), g.operands(1));
        assertArrayEquals(new int[] {1}, g.outputs());
        assertArrayEquals(new double[] {1.0}, g.predConstantPartials(1));
    }

    @Test
    void returningAConstantIsACopyOfALiteral() {
        Graph g = checkPrimal(S, "returnConstant", rnd, 20, -3, 3, x()).graph();
        assertEquals(1, g.numVertices());
        assertEquals(Op.COPY, g.op(1));
        assertEquals(ops(lit(4.5)), g.operands(1));
        assertEquals(0, g.predIds(1).length);
    }

    @Test
    void returningTheSameVertexTwiceAddsACopy() {
        Graph g = checkPrimal(S, "returnSameTwice", rnd, 20, -3, 3, x()).graph();
        assertEquals(2, g.numVertices(), listing(g));
        assertEquals(Op.MUL, g.op(1));
        assertEquals(Op.COPY, g.op(2));
        assertEquals(ops(v(1)), g.operands(2));
        assertArrayEquals(new int[] {1, 2}, g.outputs());
    }

    @Test
    void anOutputConsumedLaterIsAllowed() {
        Graph g = checkPrimal(S, "outputConsumed", rnd, 20, -3, 3, x()).graph();
        assertEquals(2, g.numVertices(), listing(g));
        assertArrayEquals(new int[] {1, 2}, g.outputs());
        assertTrue(g.isOutput(1));
        assertArrayEquals(new int[] {2}, g.succIds(1));
        assertArrayEquals(new int[] {1}, g.eliminable(), "an output with successors is eliminable");
    }

    @Test
    void returningAnInputArrayCopiesEachElement() {
        Graph g = checkPrimal(S, "returnInputArray", rnd, 20, -3, 3, (Object) randomArray(rnd, 3, -3, 3)).graph();
        assertEquals(3, g.numVertices());
        for (int i = 1; i <= 3; i++) {
            assertEquals(Op.COPY, g.op(i));
            assertEquals(ops(in(i - 1)), g.operands(i));
        }
    }

    @Test
    void newArrayOfZeros() {
        Graph g = checkPrimal(S, "zeros", rnd, 5, -3, 3, x(), 3).graph();
        assertEquals(3, g.numVertices());
        for (int i = 1; i <= 3; i++) {
            assertEquals(ops(lit(0.0)), g.operands(i));
        }
    }

    @Test
    void vertexValuesMatchTheExample() {
        double x = x();
        Trace t = CrossCountry.trace(S, "nested", x, 0.75);
        double[] vv = t.vertexValues();
        assertSameDouble(Math.sin(x), vv[0], "sin");
        assertSameDouble(Math.sin(x) * 2.0, vv[1], "g");
        assertSameDouble(0.75 * 0.75 + 1.0, vv[3], "h");
        assertFalse(t.inputLabels().isEmpty());
        assertEquals(List.of("x", "y"), t.inputLabels());
    }
}
