package io.crosscountry.samples.apps;

import io.crosscountry.CompiledJacobian;
import io.crosscountry.CrossCountry;
import io.crosscountry.Differentiable;
import io.crosscountry.Order;
import java.util.Arrays;

/**
 * The plain API: compile the Jacobian of a {@link Differentiable} method at run time with
 * {@link CrossCountry#jacobian} and apply it. No agent, no build step.
 *
 * <pre>{@code java -cp agent/target/crosscountry-agent.jar io.crosscountry.samples.apps.PlainApiExample}</pre>
 */
public final class PlainApiExample {

    private PlainApiExample() {
    }

    /** Polar to Cartesian coordinates, scaled: {@code (s r cos θ, s r sin θ)}. */
    @Differentiable
    public static double[] polar(double r, double theta, double[] scale) {
        double s = scale[0] * scale[1];
        return new double[] {s * r * Math.cos(theta), s * r * Math.sin(theta)};
    }

    public static void main(String[] args) {
        // The example arguments fix the array length (and the branches, if there were any).
        CompiledJacobian j = CrossCountry.jacobian(PlainApiExample.class, "polar", Order.AUTO, 2.0, 0.5, new double[] {1.0, 1.0});
        System.out.println("order " + j.requestedOrder() + " -> eliminates " + Arrays.toString(j.order()));
        for (double theta : new double[] {0.5, 1.2}) {
            double[][] J = j.apply(2.0, theta, new double[] {1.5, 0.5});
            System.out.println("J(2.0, " + theta + ", [1.5, 0.5]) = " + Arrays.deepToString(J));
        }
    }
}
