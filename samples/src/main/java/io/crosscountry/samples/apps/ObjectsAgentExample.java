package io.crosscountry.samples.apps;

import io.crosscountry.Differentiable;
import io.crosscountry.JacobianOf;
import java.util.Arrays;

/**
 * The agent on code written with objects: a planar arm of {@link Link}s held in a constant array,
 * with positions as {@link Point} records. The analysis traces the objects field by field, so the
 * generated Jacobian is the one of the scalar arithmetic underneath.
 *
 * <pre>{@code java -javaagent:agent/target/crosscountry-agent.jar -cp agent/target/crosscountry-agent.jar \
 *     io.crosscountry.samples.apps.ObjectsAgentExample}</pre>
 */
public final class ObjectsAgentExample {

    private ObjectsAgentExample() {
    }

    /** A point (or a vector) in the plane. */
    public record Point(double x, double y) {
        Point plus(Point o) {
            return new Point(x + o.x, y + o.y);
        }

        double norm() {
            return Math.hypot(x, y);
        }
    }

    /** One link of the arm: a rigid bar of a fixed length. */
    public static final class Link {
        private final double length;

        public Link(double length) {
            this.length = length;
        }

        /** Where the link ends when it starts at {@code start} at absolute angle {@code angle}. */
        Point end(Point start, double angle) {
            return start.plus(new Point(length * Math.cos(angle), length * Math.sin(angle)));
        }
    }

    static final Link[] ARM = {new Link(1.0), new Link(0.8), new Link(0.5)};

    /** The arm's tip for joint angles {@code q} (each relative to the link before), and its distance from the base. */
    @Differentiable
    public static double[] tip(double[] q) {
        Point p = new Point(0.0, 0.0);
        double angle = 0.0;
        for (int i = 0; i < ARM.length; i++) {
            angle += q[i];
            p = ARM[i].end(p, angle);
        }
        return new double[] {p.x(), p.y(), p.norm()};
    }

    /** {@code J[3][3]}: rows x, y, distance; columns q[0], q[1], q[2]. */
    @JacobianOf(value = "tip", order = "auto")
    public static double[][] jacobianOfTip(double[] q) {
        throw new UnsupportedOperationException("not filled: run with -javaagent:agent/target/crosscountry-agent.jar");
    }

    public static void main(String[] args) {
        double[][] points = {{0.3, 1.1, -0.4}, {0.9, -0.2, 0.7}};
        for (double[] q : points) {
            double[][] J = jacobianOfTip(q);
            System.out.println("J(" + Arrays.toString(q) + ") = " + Arrays.deepToString(J));
        }
    }
}
