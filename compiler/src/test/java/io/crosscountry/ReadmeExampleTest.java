package io.crosscountry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.InvalidOrderException;
import org.junit.jupiter.api.Test;

/** The README's "From Java" example, kept true. */
class ReadmeExampleTest {

    static final class Kinematics {
        @Differentiable
        static double[] arm(double t1, double t2) {
            return new double[] {Math.cos(t1) + Math.cos(t1 + t2), Math.sin(t1) + Math.sin(t1 + t2)};
        }
    }

    @Test
    void readme_example_behaves_as_documented() {
        Graph g = CrossCountry.graph(Kinematics.class, "arm", 0.3, 1.1);
        assertEquals(8, g.numVertices());
        long rev = g.cost(g.reverseOrder());
        long eff = g.cost(g.markowitzOrder(), CostMode.EFFECTIVE);
        assertTrue(eff <= rev, "EFFECTIVE never exceeds PAPER here");
        InvalidOrderException e = assertThrows(InvalidOrderException.class, () -> g.cost(new int[] {1, 2}));
        assertTrue(e.getMessage().contains("missing eliminable vertices [3, 5, 6, 7]"), e.getMessage());

        io.crosscountry.elimination.search.OptimizeResult best = CrossCountry.optimize(g, java.time.Duration.ofSeconds(2));
        assertTrue(best.cost() <= eff);
        CompiledJacobian j = CrossCountry.jacobian(Kinematics.class, "arm", Order.of(best.order()), 0.3, 1.1);
        double[][] J = j.apply(0.5, 0.9);
        // d(cos t1 + cos(t1+t2))/dt1 = -sin t1 - sin(t1+t2); d/dt2 = -sin(t1+t2); row 2 likewise with cos
        assertEquals(-Math.sin(0.5) - Math.sin(1.4), J[0][0], 1e-15);
        assertEquals(-Math.sin(1.4), J[0][1], 1e-15);
        assertEquals(Math.cos(0.5) + Math.cos(1.4), J[1][0], 1e-15);
        assertEquals(Math.cos(1.4), J[1][1], 1e-15);
    }
}
