package io.crosscountry.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crosscountry.CrossCountry;
import io.crosscountry.analysis.Trace;
import io.crosscountry.elimination.CostMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;

/** Partials share the reciprocal of a divisor they divide by more than once. */
class ReciprocalsTest {

    @Test
    void aDivisorUsedTwiceIsInvertedOnce() {
        Trace t = CrossCountry.trace(Subjects.class, "sharedDivisor", 1.0, 2.0, 3.0);
        for (int[] order : new int[][] {t.graph().forwardOrder(), t.graph().reverseOrder()}) {
            CompiledPath path = JacobianCompiler.compile(t, order);
            // The three primal divisions, 1/y (shared by the four partials dividing by y), 1/z (shared
            // by both partials of x/z), and 0.5/sqrt(y) (its divisor occurs once): 6 instead of 10.
            assertEquals(6, ClassFiles.count(path, "", Opcodes.DDIV));
            assertEquals(t.graph().cost(order, CostMode.EFFECTIVE), path.eliminationMultiplications());
        }
    }

    @Test
    void sharedReciprocalsKeepTheJacobianExact() {
        Trace t = CrossCountry.trace(Subjects.class, "sharedDivisor", 1.0, 2.0, 3.0);
        CompiledPath path = JacobianCompiler.compile(t, t.graph().reverseOrder());
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 200; trial++) {
            double[] x = {random.nextDouble(-3, 3), random.nextDouble(0.01, 5), random.nextDouble(-3, 3)};
            if (Math.abs(x[2]) < 1e-3) {
                continue;
            }
            double[][] J = new double[4][3];
            path.evaluate(x, path.newWorkArray(), J);
            Check.assertMatchesDuals(J, DualNumbers.jacobian(t.graph(), x), "sharedDivisor at " + java.util.Arrays.toString(x));
        }
    }
}
