package io.crosscountry.samples.baselines;

import static io.crosscountry.elimination.Operand.input;
import static io.crosscountry.elimination.Operand.literal;
import static io.crosscountry.elimination.Operand.vertex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crosscountry.analysis.GraphEvaluator;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.Op;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A hand-built graph with every operation, every literal form, stop_gradient and the
 * piecewise-constant functions, float operations and folded constants: the AD baselines agree with the dual numbers, and the dual numbers with central
 * differences of the graph's values.
 */
class EveryOperationTest {

    private static final double[] X = {0.3, 0.7, 1.6, -0.4};
    private static final int STOPPED = 47;
    private static final int[] FLOAT_ROWS = {48, 49, 70, 75};
    /** The fma vertices: a Program runs them as a product and a sum, rounding once more. */
    private static final int FIRST_FMA = 64;
    private static final int LAST = 77;

    private static Graph graph() {
        Graph.Builder g = Graph.builder(4);
        var x0 = input(0);
        var x1 = input(1);
        var x2 = input(2);
        var x3 = input(3);
        g.add(Op.ADD, x0, x1);                                     // 1
        g.add(Op.SUB, x2, x0);
        g.add(Op.MUL, x1, x3);
        g.add(Op.DIV, x0, x2);
        g.add(Op.NEG, x3);                                         // 5
        g.add(Op.ABS, x3);
        g.add(Op.SQRT, x2);
        g.add(Op.CBRT, x3);
        g.add(Op.EXP, x0);
        g.add(Op.EXPM1, x1);                                       // 10
        g.add(Op.LOG, x2);
        g.add(Op.LOG10, x1);
        g.add(Op.LOG1P, x0);
        g.add(Op.SIN, x2);
        g.add(Op.COS, x3);                                         // 15
        g.add(Op.TAN, x0);
        g.add(Op.ASIN, x0);
        g.add(Op.ACOS, x1);
        g.add(Op.ATAN, x2);
        g.add(Op.SINH, x3);                                        // 20
        g.add(Op.COSH, x0);
        g.add(Op.TANH, x2);
        g.add(Op.ASINH, x3);
        g.add(Op.ACOSH, x2);
        g.add(Op.ATANH, x0);                                       // 25
        g.add(Op.ERF, x1);
        g.add(Op.LOGISTIC, x3);
        g.add(Op.ATAN2, x0, x3);
        g.add(Op.POW, x2, x1);
        g.add(Op.HYPOT, x1, x3);                                   // 30
        g.add(Op.MAX, x0, x1);
        g.add(Op.MIN, x2, x3);
        g.add(Op.ADD, literal(2.0), x0);
        g.add(Op.SUB, x1, literal(0.5));
        g.add(Op.SUB, literal(0.5), x2);                           // 35
        g.add(Op.MUL, x3, literal(3.0));
        g.add(Op.DIV, x0, literal(4.0));
        g.add(Op.DIV, literal(2.0), x1);
        g.add(Op.POW, x2, literal(2.5));
        g.add(Op.POW, literal(1.5), x0);                           // 40
        g.add(Op.ATAN2, literal(1.0), x2);
        g.add(Op.ATAN2, x1, literal(2.0));
        g.add(Op.HYPOT, x0, literal(1.0));
        g.add(Op.MAX, x3, literal(0.1));
        g.add(Op.MIN, literal(0.5), x1);                           // 45
        int stop = g.add(Op.STOP_GRADIENT, x0);
        g.add(Op.MUL, vertex(stop), x0);                           // 47: d/dx0 = x0, not 2·x0
        g.add(Op.MUL, true, x0, x1);                               // 48: a float multiplication
        g.add(Op.TO_FLOAT, true, x2);
        int folded = g.add(Op.ADD, literal(1.0), literal(2.0));    // 50: folded to 3
        g.add(Op.MUL, vertex(folded), x0);
        g.add(Op.COPY, x1);
        g.add(Op.MUL, vertex(3), vertex(3));                       // 53: the same operand twice
        g.add(Op.POW, vertex(5), x1);                              // 54: a negative base (NaN)
        int floor = g.add(Op.FLOOR, x2);                           // 55: piecewise constant, no in-edge
        g.add(Op.MUL, vertex(floor), x1);                          // 56: d/dx1 = floor(x2), d/dx2 = 0
        g.add(Op.MUL, vertex(g.add(Op.CEIL, x0)), x2);             // 57, 58
        g.add(Op.ADD, vertex(g.add(Op.RINT, x1)), vertex(g.add(Op.SIGNUM, x3))); // 59-61: derivative 0
        g.add(Op.REM, x2, x0);                                     // 62: 1.6 % 0.3, quotient 5
        g.add(Op.REM, x1, literal(0.25));                          // 63: 0.7 % 0.25, quotient 2
        g.add(Op.FMA, x0, x1, x2);                                 // 64: x0·x1 + x2
        g.add(Op.FMA, x3, literal(2.0), x3);                       // 65: 2·x3 + x3, one edge
        g.add(Op.FMA, literal(0.5), literal(4.0), x1);             // 66: a folded product plus x1
        g.add(Op.COPY_SIGN, x0, x3);                               // 67: |x0| with x3's sign, −0.3
        g.add(Op.COPY_SIGN, x3, literal(2.0));                     // 68: |x3| = 0.4
        g.add(Op.COPY_SIGN, literal(1.5), x1);                     // 69: ±1.5, no in-edge
        g.add(Op.FMA, true, false, x2, x3, x1);                    // 70: a float fma, x2·x3 + x1
        g.add(Op.ULP, x2);                                         // 71: ulp(1.6) = 2^-52, no in-edge
        g.add(Op.ULP, true, false, x1);                            // 72: the float ulp of 0.7f, 2^-24
        g.add(Op.NEXT_AFTER, x0, x3);                              // 73: the double below 0.3
        g.add(Op.NEXT_AFTER, x1, literal(Double.POSITIVE_INFINITY)); // 74: nextUp(0.7)
        g.add(Op.NEXT_AFTER, true, false, x2, x0);                 // 75: the float below 1.6f
        g.add(Op.IEEE_REM, x2, x1);                                // 76: 1.6 − 2·0.7 (1.6/0.7 ≈ 2.29)
        g.add(Op.IEEE_REM, x1, literal(0.25));                     // 77: 0.7 − 3·0.25 (0.7/0.25 = 2.8)
        return g.outputs(IntStream.rangeClosed(1, LAST).filter(v -> v != stop && v != folded).toArray()).build();
    }

    @Test
    void ad_baselines_agree_with_dual_numbers_on_every_operation() {
        Program program = Program.compile(graph());
        DualNumbers reference = new DualNumbers(program);
        SplittableRandom random = new SplittableRandom(3);
        for (int point = 0; point < 5; point++) {
            double[] x = point == 0 ? X : JacobianAssertions.perturb(X, random);
            double[][] expected = reference.jacobian(x);
            double[] y = GraphEvaluator.outputs(graph(), x);
            for (int r = 0; r < y.length; r++) {
                double tolerance = r >= row(FIRST_FMA) ? 2 * Math.ulp(y[r]) : 0.0;
                assertEquals(y[r], reference.outputValue(r), tolerance, "value of output " + r);
            }
            for (JacobianMethod m : List.of(new GradientForward(program), new DerivativeStructureForward(program),
                    new TapeReverse(program))) {
                double[][] J = m.jacobian(x);
                JacobianAssertions.assertClose(expected, J, y, 1e-10, 1e-3, 0.0, null, m.name() + " point " + point);
                assertEquals(x[0], J[row(STOPPED)][0], 0.0, m.name() + ": stop_gradient cuts the derivative");
            }
        }
    }

    @Test
    void dual_numbers_match_central_differences_of_the_graph() {
        Graph graph = graph();
        DualNumbers reference = new DualNumbers(Program.compile(graph));
        double[][] exact = reference.jacobian(X);
        double[] y = GraphEvaluator.outputs(graph, X);
        double[][] approx = new double[y.length][X.length];
        for (int j = 0; j < X.length; j++) {
            double h = CentralDifferences.step(X[j]);
            double[] up = X.clone();
            double[] down = X.clone();
            up[j] += h;
            down[j] -= h;
            double[] fu = GraphEvaluator.outputs(graph, up);
            double[] fd = GraphEvaluator.outputs(graph, down);
            for (int r = 0; r < y.length; r++) {
                approx[r][j] = (fu[r] - fd[r]) / (up[j] - down[j]);
            }
        }
        approx[row(STOPPED)][0] = X[0];                        // differences see through stop_gradient
        for (int v : FLOAT_ROWS) {                             // float rounding swamps a step of 6e-6
            approx[row(v)] = exact[row(v)].clone();
        }
        JacobianAssertions.assertClose(exact, approx, y, 1e-6, 1e-3, 1e-8, null, "central differences");
        assertArrayEquals(new double[] {0, 1, 0, 0}, exact[row(52)], 0.0, "copy of an input");
        assertArrayEquals(new double[] {0, Math.floor(X[2]), 0, 0}, exact[row(56)], 0.0, "x1 · floor(x2)");
        assertArrayEquals(new double[] {0, 0, 0, 0}, exact[row(61)], 0.0, "rint(x1) + signum(x3)");
        assertArrayEquals(new double[] {-5, 0, 1, 0}, exact[row(62)], 0.0, "x2 % x0");
        assertArrayEquals(new double[] {0, 1, 0, 0}, exact[row(63)], 0.0, "x1 % 0.25");
        assertArrayEquals(new double[] {X[1], X[0], 1, 0}, exact[row(64)], 0.0, "fma(x0, x1, x2)");
        assertArrayEquals(new double[] {0, 0, 0, 3}, exact[row(65)], 0.0, "fma(x3, 2, x3)");
        assertArrayEquals(new double[] {0, 1, 0, 0}, exact[row(66)], 0.0, "fma(0.5, 4, x1)");
        assertArrayEquals(new double[] {-1, 0, 0, 0}, exact[row(67)], 0.0, "copySign(x0, x3)");
        assertArrayEquals(new double[] {0, 0, 0, -1}, exact[row(68)], 0.0, "copySign(x3, 2)");
        assertArrayEquals(new double[] {0, 0, 0, 0}, exact[row(69)], 0.0, "copySign(1.5, x1)");
        assertEquals(-X[0], y[row(67)], 0.0, "copySign(x0, x3)");
        assertArrayEquals(new double[] {0, 1, X[3], X[2]}, exact[row(70)], 0.0, "float fma(x2, x3, x1)");
        assertEquals((float) (X[2] * X[3] + X[1]), y[row(70)], 0.0, "float fma(x2, x3, x1)");
        assertArrayEquals(new double[] {0, 0, 0, 0}, exact[row(71)], 0.0, "ulp(x2)");
        assertEquals(0x1p-52, y[row(71)], 0.0, "ulp(x2)");
        assertEquals(0x1p-24, y[row(72)], 0.0, "float ulp(x1)");
        assertArrayEquals(new double[] {1, 0, 0, 0}, exact[row(73)], 0.0, "nextAfter(x0, x3)");
        assertArrayEquals(new double[] {0, 1, 0, 0}, exact[row(74)], 0.0, "nextUp(x1)");
        assertArrayEquals(new double[] {0, 0, 1, 0}, exact[row(75)], 0.0, "float nextAfter(x2, x0)");
        assertEquals(Math.nextDown(X[0]), y[row(73)], 0.0, "nextAfter(x0, x3)");
        assertEquals(Math.nextUp(X[1]), y[row(74)], 0.0, "nextUp(x1)");
        assertEquals(Math.nextDown((float) X[2]), y[row(75)], 0.0, "float nextAfter(x2, x0)");
        assertArrayEquals(new double[] {0, -2, 1, 0}, exact[row(76)], 0.0, "IEEEremainder(x2, x1)");
        assertArrayEquals(new double[] {0, 1, 0, 0}, exact[row(77)], 0.0, "IEEEremainder(x1, 0.25)");
    }

    /** The output row of vertex {@code v} (vertices 46 and 50 are not outputs). */
    private static int row(int v) {
        return v - 1 - (v > 46 ? 1 : 0) - (v > 50 ? 1 : 0);
    }
}
