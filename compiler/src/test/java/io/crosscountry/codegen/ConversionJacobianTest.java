package io.crosscountry.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.CompiledJacobian;
import io.crosscountry.CrossCountry;
import io.crosscountry.Order;
import io.crosscountry.PathChangedException;
import io.crosscountry.analysis.Trace;
import io.crosscountry.analysis.fixtures.Conversions;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Jacobians of methods that compute integers from their inputs (casts, {@code Math.round},
 * {@code Double.isNaN} & co.) or call floor, ceil, rint and signum: the generated code re-checks the
 * guards of every conversion, so a call whose integer differs retraces (or throws), and every
 * Jacobian is the exact derivative of the path its call takes.
 */
class ConversionJacobianTest {

    private static final Class<?> C = Conversions.class;

    /** A fixture of one double and its derivative, written by hand. */
    private record Subject(String method, DoubleUnaryOperator derivative) {
    }

    private static final double[] SQUARES = {0.0, 1.0, 4.0, 9.0, 16.0, 25.0};

    private static final List<Subject> SUBJECTS = List.of(
            new Subject("castInt", x -> (int) x),                                  // d/dx x·k = k
            new Subject("castLong", x -> (long) x),
            new Subject("roundLong", x -> Math.round(x)),
            new Subject("strictRoundLong", x -> StrictMath.round(x)),
            new Subject("isNaN", x -> 2 * x),
            new Subject("isFinite", x -> 2 * x),
            new Subject("isInfinite", x -> 3.0),
            new Subject("timesFloor", x -> Math.floor(x)),
            new Subject("interpolate", x -> SQUARES[(int) Math.floor(x) + 1] - SQUARES[(int) Math.floor(x)]));

    /** A random point in [0, 5) away from the integers and half-integers where paths change. */
    private static double point(SplittableRandom rnd) {
        double x;
        do {
            x = rnd.nextDouble(0.0, 5.0);
        } while (Math.abs(2 * x - Math.rint(2 * x)) < 1e-3);
        return x;
    }

    @Test
    void everyCallIsTheExactDerivativeOfItsPath() {
        SplittableRandom rnd = new SplittableRandom(0xC0DE);
        for (Subject s : SUBJECTS) {
            for (Order order : List.of(Order.FWD, Order.REV)) {
                CompiledJacobian j = CrossCountry.jacobian(C, s.method(), order, point(rnd));
                for (int i = 0; i < 200; i++) {
                    double x = point(rnd);
                    double expected = s.derivative().applyAsDouble(x);
                    assertEquals(expected, j.apply(x)[0][0], 1e-12 * Math.max(1.0, Math.abs(expected)),
                            s.method() + " " + order.name() + " at " + x);
                }
                assertTrue(j.compiledPaths() <= 11, s.method() + ": at most one path per integer, got " + j.compiledPaths());
            }
            Trace t = CrossCountry.trace(C, s.method(), point(rnd));
            assertTrue(s.method().equals("timesFloor") || !t.guards().isEmpty(), s.method() + " records guards");
            ClassFiles.verify(JacobianCompiler.compile(t, t.graph().reverseOrder()));
        }
    }

    @Test
    void floatConversionsFollowTheirFloatArgument() {
        SplittableRandom rnd = new SplittableRandom(0xF10A7);
        CompiledJacobian cast = CrossCountry.jacobian(C, "castFloatToInt", Order.REV, 1.5f);
        CompiledJacobian widened = CrossCountry.jacobian(C, "castFloatToLong", Order.FWD, 1.5f);
        CompiledJacobian round = CrossCountry.jacobian(C, "roundInt", Order.FWD, 1.5f);
        for (int i = 0; i < 200; i++) {
            float a = (float) point(rnd);
            assertEquals((int) a, cast.apply(a)[0][0], 0.0, "castFloatToInt at " + a);
            assertEquals((long) a, widened.apply(a)[0][0], 0.0, "castFloatToLong at " + a);
            assertEquals(Math.round(a), round.apply(a)[0][0], 0.0, "roundInt at " + a);
        }
    }

    @Test
    void withoutRetracingAnotherIntegerNamesTheConversion() {
        CompiledJacobian j = CrossCountry.jacobian(C, "castInt", Order.REV, 2.5).withRetracing(false);
        assertEquals(2.0, j.apply(2.9)[0][0], 0.0);
        PathChangedException e = assertThrows(PathChangedException.class, () -> j.apply(3.1));
        int line = Check.line(C, "@conv-int");
        assertEquals(line, e.line());
        assertTrue(e.getMessage().contains("in1 < 3.0"), e.getMessage());
        assertTrue(e.getMessage().contains("castInt(D)D line " + line), e.getMessage());
    }

    @Test
    void piecewiseConstantFunctionsContributeNothing() {
        SplittableRandom rnd = new SplittableRandom(0x51);
        CompiledJacobian j = CrossCountry.jacobian(C, "piecewise", Order.MARKOWITZ, 1.2, 1.3);
        for (int i = 0; i < 200; i++) {
            double x = rnd.nextDouble(0.6, 1.4);
            double y = rnd.nextDouble(1.1, 1.9);
            double[][] jac = j.apply(x, y);
            double[][] expected = {
                {Math.cos(x) * y, Math.sin(x)},                         // the wrap is x itself in (0, 2π)
                {0.01, 0.3},                                              // signum(x) = 1
                {2.0, 2.0 * y}};                                          // ceil(y) = 2, rint(x) = 1
            for (int r = 0; r < 3; r++) {
                for (int k = 0; k < 2; k++) {
                    assertEquals(expected[r][k], jac[r][k], 1e-12, "row " + r + " column " + k + " at " + x + ", " + y);
                }
            }
        }
        assertEquals(1, j.compiledPaths(), "no guards: floor & co. are vertices");
    }
}
