package io.crosscountry.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.CompiledJacobian;
import io.crosscountry.CrossCountry;
import io.crosscountry.Order;
import io.crosscountry.analysis.Trace;
import io.crosscountry.analysis.fixtures.Guards;
import org.junit.jupiter.api.Test;

/**
 * The generated code checks each row of {@code J} before writing it (there is no loop over the
 * rows in front of it): every wrong shape is still refused with a message that names it, in one
 * kernel and spread over tiny chunks and classes.
 */
class JacobianShapeTest {

    private static final Backend.Limits[] LIMITS = {Backend.Limits.DEFAULT, new Backend.Limits(1, 90, 1)};

    /** {@code copies}: 5 outputs, 2 inputs, J = {{1, 0}, {0, 0}, {y, x}, {y, x}, {0, 1}}. */
    private static final double[][] EXPECTED = {{1, 0}, {0, 0}, {4, 3}, {4, 3}, {0, 1}};

    @Test
    void everyWrongRowIsRefusedByTheGeneratedCode() {
        Trace t = CrossCountry.trace(Subjects.class, "copies", 0.5, 2.0);
        for (Backend.Limits limits : LIMITS) {
            for (int[] order : new int[][] {t.graph().forwardOrder(), t.graph().reverseOrder()}) {
                CompiledPath path = JacobianCompiler.compile(t.graph(), t.guards(), order, limits);
                ClassFiles.verify(path);
                double[] x = {3.0, 4.0};
                double[] w = path.newWorkArray();
                for (int row = 0; row < 5; row++) {
                    for (int length : new int[] {0, 1, 3, 7}) {
                        double[][] J = JacobianCompilerTest.filled(5, 2, Double.NaN);
                        J[row] = new double[length];
                        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                                () -> path.evaluate(x, w, J), "row " + row + " of length " + length);
                        assertEquals("row " + row + " of the Jacobian must have 2 columns, got " + length, e.getMessage());
                    }
                    double[][] J = JacobianCompilerTest.filled(5, 2, Double.NaN);
                    J[row] = null;
                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> path.evaluate(x, w, J));
                    assertEquals("row " + row + " of the Jacobian must have 2 columns, got null", e.getMessage());
                }
                for (double[][] J : new double[][][] {null, new double[4][2], new double[6][2], new double[0][]}) {
                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> path.evaluate(x, w, J));
                    assertTrue(e.getMessage().startsWith("the Jacobian must have 5 rows, got "), e.getMessage());
                }
                double[][] J = JacobianCompilerTest.filled(5, 2, Double.NaN);
                assertTrue(path.evaluate(x, w, J));
                for (int i = 0; i < 5; i++) {
                    assertArrayEquals(EXPECTED[i], J[i], "after the refusals, row " + i);
                }
            }
        }
    }

    @Test
    void theApiRefusesALongerRowAndStillComputesAfterwards() {
        CompiledJacobian j = CrossCountry.jacobian(Subjects.class, "copies", Order.REV, 0.5, 2.0);
        double[][] longer = JacobianCompilerTest.filled(5, 2, Double.NaN);
        longer[3] = new double[3];
        IllegalArgumentException flat = assertThrows(IllegalArgumentException.class,
                () -> j.applyFlatInto(longer, new double[] {3.0, 4.0}));
        assertEquals("row 3 of the Jacobian must have 2 columns, got 3", flat.getMessage());
        IllegalArgumentException boxed = assertThrows(IllegalArgumentException.class, () -> j.applyInto(longer, 3.0, 4.0));
        assertEquals(flat.getMessage(), boxed.getMessage());
        assertThrows(IllegalArgumentException.class, () -> j.applyInto(null, 3.0, 4.0));
        double[][] J = new double[5][2];
        j.applyFlatInto(J, new double[] {3.0, 4.0});
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(EXPECTED[i], J[i]);
        }
    }

    /** A failed guard still leaves J untouched and reports the path change, not a shape. */
    @Test
    void aFailedGuardIsReportedBeforeAnyRowIsChecked() {
        Trace t = CrossCountry.trace(Guards.class, "doubleBound", 3.5);
        for (Backend.Limits limits : LIMITS) {
            CompiledPath path = JacobianCompiler.compile(t.graph(), t.guards(), t.graph().reverseOrder(), limits);
            double[] w = path.newWorkArray();
            double[][] J = {{-1.0}};
            assertFalse(path.evaluate(new double[] {0.5}, w, J));
            assertEquals(-1.0, J[0][0]);
            assertThrows(IllegalArgumentException.class, () -> path.evaluate(new double[] {3.7}, w, new double[][] {{0, 0}}));
        }
    }
}
