package io.crosscountry.samples.paper;

import static io.crosscountry.samples.paper.Tensors.dot;
import static io.crosscountry.samples.paper.Tensors.square;
import static io.crosscountry.samples.paper.Tensors.sum;

import io.crosscountry.Differentiable;

/**
 * RoeFlux_3d: the paper's synthetic three-dimensional extension of the Roe flux (benchmark spec
 * §4), written per example with scalars and 3-arrays.
 *
 * <p>A state is a density-like scalar {@code u0}, a momentum 3-vector {@code u} and an energy
 * {@code u4}; the function takes a left and a right state and returns the numerical flux. It has
 * the shape of a Roe flux but is <em>not</em> the physical 3-D Roe flux (the first flux component
 * is {@code u[0]}, the wave strengths are synthetic and there are no absolute values); it is
 * reproduced exactly as the specification writes it, with γ = 0.5 so that γ − 1 = −0.5.
 *
 * <p><b>Inputs</b> (10 scalars, in the order of the jaxpr's inputs): {@code ul0}, {@code ul[0..2]},
 * {@code ul4}, {@code ur0}, {@code ur[0..2]}, {@code ur4}. <b>Outputs</b> (5 scalars):
 * {@code φ0}, {@code φ[0..2]}, {@code φ4}, i.e. the three published outputs (1,1), (1,3), (1,1)
 * flattened in return order.
 *
 * <p><b>Relation to the published graph.</b> The published 146-equation graph is the jaxpr of
 * {@code jax.vmap(RoeFlux_3d)} with batch 1. Here the function is written for one example and
 * every vector operation is spelled out per component:
 * <ul>
 *   <li>element-wise {@code add sub mul div sqrt integer_pow} on 3-vectors become three scalar
 *       operations each; a scalar times a 3-vector (√ul0·vl, ·/w1) becomes three products and the
 *       scalar factor is computed once, as in the jaxpr;</li>
 *   <li>{@code reduce_sum} of three squares becomes three squares and two additions, and the
 *       {@code dot_general} ⟨uvw, du⟩ three products and two additions;</li>
 *   <li>{@code slice}, {@code concatenate}, {@code broadcast_in_dim} (including the eight that only
 *       {@code vmap} adds) and the batch axis are free;</li>
 *   <li>in the flux helper, {@code concat(p, 0, 0) + u ⊙ vel} adds the pressure to the first
 *       component only: adding the two structural zeros is the identity and is not written.</li>
 * </ul>
 * The recomputations of the specification (√ul0 and √ur0 three times each, {@code c4·lp} and
 * {@code u·a} twice) are kept, so the scalar graph is the published graph with each vector vertex
 * split into its components. The method performs 160 double operations (see samples/README.md).
 */
public final class RoeFlux3d {

    private RoeFlux3d() {
    }

    /**
     * The flux between a left and a right state.
     *
     * @param ul0 left density-like component
     * @param ul  left momentum, length 3
     * @param ul4 left energy
     * @param ur0 right density-like component
     * @param ur  right momentum, length 3
     * @param ur4 right energy
     * @return {φ0, φ1, φ2, φ3, φ4}
     */
    @Differentiable
    public static double[] roeFlux(double ul0, double[] ul, double ul4, double ur0, double[] ur, double ur4) {
        // 1. differences of the states
        double du0 = ur0 - ul0;
        double[] du = new double[3];
        for (int i = 0; i < 3; i++) {
            du[i] = ur[i] - ul[i];
        }
        double du4 = ur4 - ul4;

        // 2. velocities and the Roe weight
        double[] vl = scale(ul, ul0);
        double[] vr = scale(ur, ur0);
        double w1 = Math.sqrt(ul0) + Math.sqrt(ur0);

        // 3. Roe-averaged velocity uvw = (√ul0·vl + √ur0·vr)/w1, with fresh square roots
        double sl = Math.sqrt(ul0);
        double[] al = times(sl, vl);
        double sr = Math.sqrt(ur0);
        double[] ar = times(sr, vr);
        double[] uvw = new double[3];
        for (int i = 0; i < 3; i++) {
            uvw[i] = (al[i] + ar[i]) / w1;
        }
        double u = uvw[0];
        double v = uvw[1];
        double w = uvw[2];

        // 4. pressures and enthalpies (after the velocity average, unlike the 1-D flux)
        double pl = pressure(ul0, ul, ul4);
        double hl = enthalpy(ul0, ul4, pl);
        double pr = pressure(ur0, ur, ur4);
        double hr = enthalpy(ur0, ur4, pr);

        // 5. Roe-averaged enthalpy, again with fresh square roots
        double h = (Math.sqrt(ul0) * hl + Math.sqrt(ur0) * hr) / w1;

        // 6. speed of sound
        double q2 = sumOfSquares(uvw);
        double a2 = -0.5 * (h - 0.5 * q2);
        double a = Math.sqrt(a2);

        // 7. eigenvalues; the middle one is u itself
        double lp = u + a;
        double lm = u - a;

        // 8.-10. wave strengths (c2 before c1, as specified)
        double c3 = -0.5 / a2 * ((h - q2) * du0 + dot(uvw, du) - du4) * u;
        double c2 = (du[2] / w - du[0]) * u;
        double c1 = (du[1] / v - du0) * u;
        double k1 = du0 - c3;
        double k2 = (du[0] - u * du0) / a;

        // 11.
        double c0 = 0.5 * (k1 - k2) * lm;
        double c4 = 0.5 * (k1 + k2) * lp;

        // 12. physical fluxes of both states
        double[] fl = flux(ul0, ul, vl, ul4, pl);
        double[] fr = flux(ur0, ur, vr, ur4, pr);
        double[] f = new double[5];
        for (int i = 0; i < 5; i++) {
            f[i] = fl[i] + fr[i];
        }

        // 13. the dissipation terms, left to right with no factoring
        double[] df = new double[5];
        df[0] = c0 + c3 + c4 * lp;
        df[1] = c0 * lm + c3 * u + c4 * lp;
        df[2] = c0 * v + c1 * v + c3 * v + c4 * v;
        df[3] = c0 * w + c2 * w + c3 * w + c4 * w;
        df[4] = c0 * (h - u * a) + c1 * (v * v) + c2 * (w * w) + c3 * 0.5 * q2 + c4 * (h + u * a);

        // 15. φ = 0.5·(F − dF), component by component: φ0, φ1..φ3, φ4
        double[] phi = new double[5];
        for (int i = 0; i < 5; i++) {
            phi[i] = 0.5 * (f[i] - df[i]);
        }
        return phi;
    }

    /** The pressure p3 = (γ − 1)·(u4 − 0.5·Σu²/u0) with γ − 1 = −0.5. */
    private static double pressure(double u0, double[] u, double u4) {
        return -0.5 * (u4 - 0.5 * sumOfSquares(u) / u0);
    }

    /** The enthalpy H3 = (u4 + p)/u0. */
    private static double enthalpy(double u0, double u4, double p) {
        return (u4 + p) / u0;
    }

    /**
     * The flux F3 of one state as the five components (u[0], concat(p, 0, 0) + u ⊙ vel,
     * vel[0]·(p + u4)). {@code u0} is an argument of the specification's helper that it never
     * uses.
     */
    private static double[] flux(double u0, double[] u, double[] vel, double u4, double p) {
        double[] f = new double[5];
        f[0] = u[0];
        f[1] = p + u[0] * vel[0];
        f[2] = u[1] * vel[1];
        f[3] = u[2] * vel[2];
        f[4] = vel[0] * (p + u4);
        return f;
    }

    /** x / s element-wise. */
    private static double[] scale(double[] x, double s) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] / s;
        }
        return y;
    }

    /** s · x element-wise. */
    private static double[] times(double s, double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = s * x[i];
        }
        return y;
    }

    /** Σ x_i² (the squares first, then the sum, as {@code integer_pow} then {@code reduce_sum}). */
    private static double sumOfSquares(double[] x) {
        return sum(square(x));
    }

    /**
     * The reference inputs of the specification: (ul0, ul, ul4, ur0, ur, ur4) = (0.1, (0.1, 0.2,
     * 0.3), 0.5, 0.2, (0.2, 0.2, 0.4), 0.6).
     */
    public static Object[] exampleArgs() {
        return new Object[] {0.1, new double[] {0.1, 0.2, 0.3}, 0.5, 0.2, new double[] {0.2, 0.2, 0.4}, 0.6};
    }
}
