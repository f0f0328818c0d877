package io.crosscountry.samples.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The "Check values" of the scalar tasks RoeFlux_1d, RobotArm_6DOF and HumanHeartDipole
 * ({@code shared/benchmarks/TASKS.md} §3, §5, §6), evaluated at each task's reference inputs.
 *
 * <p>The spec computed them in float32, so the comparison is relative with tolerance 1e-5; a
 * mistake in the order or wiring of the operations usually shows up here as a larger difference.
 */
class ScalarTaskValuesATest {

    private static final double REL_TOL = 1e-5;

    private static double[] call(Object[] args, int arity) {
        assertEquals(arity, args.length, "number of example arguments");
        double[] x = new double[arity];
        for (int i = 0; i < arity; i++) {
            x[i] = (Double) args[i];
        }
        return x;
    }

    private static void assertCheckValues(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, "number of outputs");
        for (int i = 0; i < expected.length; i++) {
            double tol = REL_TOL * Math.abs(expected[i]);
            assertTrue(Math.abs(actual[i] - expected[i]) <= tol,
                    "output " + i + ": expected " + expected[i] + " but was " + actual[i]);
        }
    }

    @Test
    void roeFlux1d() {
        double[] x = call(RoeFlux1d.exampleArgs(), 6);
        double[] phi = RoeFlux1d.roeFlux(x[0], x[1], x[2], x[3], x[4], x[5]);
        assertCheckValues(new double[] {0.017196704, 0.033982869, 0.034418315}, phi);
    }

    @Test
    void robotArm6Dof() {
        double[] t = call(RobotArm6Dof.exampleArgs(), 6);
        double[] pose = RobotArm6Dof.forwardKinematics(t[0], t[1], t[2], t[3], t[4], t[5]);
        assertCheckValues(
                new double[] {1167.0316, 23.417688, -624.04102, 0.013329875, 3.0815964, -3.1082547}, pose);
    }

    @Test
    void humanHeartDipole() {
        double[] x = call(HumanHeartDipole.exampleArgs(), 8);
        double[] f = HumanHeartDipole.residuals(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]);
        assertCheckValues(new double[] {-0.7, -0.7, -1.0, -0.91, -1.0135, -1.0135, -1.00405, -1.0}, f);
    }

    @Test
    void exampleArgsAreBoxedDoublesInParameterOrder() {
        for (Object[] args : new Object[][] {
                RoeFlux1d.exampleArgs(), RobotArm6Dof.exampleArgs(), HumanHeartDipole.exampleArgs()}) {
            for (Object a : args) {
                assertEquals(Double.class, a.getClass());
            }
        }
    }
}
