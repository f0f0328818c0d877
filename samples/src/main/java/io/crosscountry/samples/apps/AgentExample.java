package io.crosscountry.samples.apps;

import io.crosscountry.Differentiable;
import io.crosscountry.JacobianOf;
import java.util.Arrays;

/**
 * The agent: a {@link JacobianOf} stub whose body the {@code -javaagent} fills as the class loads.
 * The first call compiles the Jacobian of {@link #tip} (that call's arguments are the examples);
 * a call that takes the other branch of {@code tip} is retraced.
 *
 * <pre>{@code java -javaagent:agent/target/crosscountry-agent.jar -cp agent/target/crosscountry-agent.jar \
 *     io.crosscountry.samples.apps.AgentExample}</pre>
 *
 * Without the agent the stub keeps its body, which says so.
 */
public final class AgentExample {

    private AgentExample() {
    }

    /**
     * A planar two-link arm with joint angles {@code q} and second-link length {@code reach}: the
     * tip's position, and a penalty on its distance {@code d} from the target (1, 1) that is
     * quadratic beyond 0.5 and linear within.
     */
    @Differentiable
    public static double[] tip(double[] q, double reach) {
        double x = Math.cos(q[0]) + reach * Math.cos(q[0] + q[1]);
        double y = Math.sin(q[0]) + reach * Math.sin(q[0] + q[1]);
        double d = Math.hypot(x - 1.0, y - 1.0);
        double penalty = d > 0.5 ? d * d : 0.25 + (d - 0.5);
        return new double[] {x, y, penalty};
    }

    /** {@code J[3][3]}: rows x, y, penalty; columns q[0], q[1], reach. */
    @JacobianOf(value = "tip", order = "auto")
    public static double[][] jacobianOfTip(double[] q, double reach) {
        throw new UnsupportedOperationException("not filled: run with -javaagent:agent/target/crosscountry-agent.jar");
    }

    public static void main(String[] args) {
        double[][] points = {{0.3, 1.1, 0.8}, {0.6, 0.9, 1.0}};   // d = 0.12, then d = 0.57: the other branch
        for (double[] p : points) {
            double[] q = {p[0], p[1]};
            double[][] J = jacobianOfTip(q, p[2]);
            System.out.println("J(" + Arrays.toString(q) + ", " + p[2] + ") = " + Arrays.deepToString(J));
        }
    }
}
