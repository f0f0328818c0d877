package io.crosscountry.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crosscountry.CrossCountry;
import io.crosscountry.analysis.Trace;
import io.crosscountry.elimination.CostMode;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A function call that the method or the partials repeat with the same arguments is computed once. */
class SharedCallsTest {

    private static final Trace TRACE = CrossCountry.trace(Subjects.class, "repeatedCalls", 0.3, 1.7);

    private static int[][] orders() {
        return new int[][] {TRACE.graph().forwardOrder(), TRACE.graph().reverseOrder(), TRACE.graph().markowitzOrder()};
    }

    @Test
    void everyDistinctCallIsComputedOnce() {
        for (int[] order : orders()) {
            CompiledPath path = JacobianCompiler.compile(TRACE, order);
            // Without sharing, cos and sin occur in the method twice each and again in the partials of
            // sin and cos (3 cos calls where nothing needs one of the primal values), atan2 twice.
            assertEquals(1, ClassFiles.calls(path, "java/lang/Math", "cos"), "cos");
            assertEquals(1, ClassFiles.calls(path, "java/lang/Math", "sin"), "sin");
            assertEquals(1, ClassFiles.calls(path, "java/lang/Math", "atan2"), "atan2");
            assertEquals(1, ClassFiles.calls(path, "java/lang/Math", "exp"), "exp");
            assertEquals(TRACE.graph().cost(order, CostMode.EFFECTIVE), path.eliminationMultiplications());
            ClassFiles.verify(path);
        }
    }

    @Test
    void sharedCallsKeepTheJacobianExact() {
        SplittableRandom random = new SplittableRandom(5);
        for (int[] order : orders()) {
            CompiledPath path = JacobianCompiler.compile(TRACE, order);
            for (int trial = 0; trial < 100; trial++) {
                double[] x = {random.nextDouble(-4, 4), random.nextDouble(-4, 4)};
                double[][] J = new double[3][2];
                path.evaluate(x, path.newWorkArray(), J);
                Check.assertMatchesDuals(J, DualNumbers.jacobian(TRACE.graph(), x), "repeatedCalls at " + Arrays.toString(x));
            }
        }
    }
}
