package io.crosscountry.samples.buildtime;

import io.crosscountry.Differentiable;
import io.crosscountry.JacobianOf;
import java.util.Arrays;

/**
 * Build-time processing: the same shape as the agent example, but the stub's body is written into
 * the class file by the build ({@code byte-buddy-maven-plugin} with crosscountry's
 * {@code JacobianPlugin}), traced at {@link #examples()}. At run time no agent is needed, only the
 * crosscountry jar on the class path; a call on the other branch of {@link #tip} falls back to the
 * run-time compiler.
 */
public final class BuildTimeExample {

    private BuildTimeExample() {
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
    @JacobianOf(value = "tip", order = "rev", examples = "examples")
    public static double[][] jacobianOfTip(double[] q, double reach) {
        throw new UnsupportedOperationException("not generated: build with byte-buddy-maven-plugin and crosscountry");
    }

    /** The examples the build traces {@link #tip} at: array lengths and the branch (here d &lt; 0.5). */
    static Object[] examples() {
        return new Object[] {new double[] {0.3, 1.1}, 0.8};
    }

    public static void main(String[] args) {
        double[][] points = {{0.3, 1.1, 0.8}, {0.2, 1.0, 0.9}, {0.6, 0.9, 1.0}};   // d = 0.12, 0.21, then 0.57
        for (double[] p : points) {
            double[] q = {p[0], p[1]};
            double[][] J = jacobianOfTip(q, p[2]);
            System.out.println("J(" + Arrays.toString(q) + ", " + p[2] + ") = " + Arrays.deepToString(J));
        }
    }
}
