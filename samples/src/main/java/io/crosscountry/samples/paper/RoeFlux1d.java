package io.crosscountry.samples.paper;

import io.crosscountry.Differentiable;

/**
 * RoeFlux_1d: Roe's (1981) approximate Riemann-solver flux for the one-dimensional Euler
 * equations.
 *
 * <p>The flux is evaluated at the interface between a left state {@code (ul0, ul1, ul2)} and a
 * right state {@code (ur0, ur1, ur2)}, each given as (density, momentum, total energy). The Roe
 * average of velocity and enthalpy (weighted by the square roots of the densities) defines the
 * sound speed {@code a} and the wave speeds {@code u}, {@code u + a}; the wave strengths
 * {@code c0, c1, c2} then correct the central flux {@code (F_L + F_R)}. The result is
 * {@code phi = 0.5 * (F_L + F_R - dF)}.
 *
 * <p>Specified in {@code shared/benchmarks/TASKS.md}, section 3 "RoeFlux_1d" (after graphax's
 * example, MIT licence). As in the paper the ratio of specific heats is the deliberately
 * non-physical {@code gamma = 0.5}, and the reference implementation's quirks are kept because
 * they shape the computational graph:
 * <ul>
 *   <li>every square root is evaluated afresh (8 {@code sqrt} vertices);</li>
 *   <li>the third wave speed is {@code |u|}, not {@code |u - a|}, and is a separate {@code abs};</li>
 *   <li>{@code dp/n}, {@code c*c1}, {@code c*c2}, {@code u*a} and {@code u +- a} are recomputed
 *       wherever they appear, and the flux helper recomputes the velocity {@code u1/u0}.</li>
 * </ul>
 * Written this way the method (with its inlined helpers) performs exactly the 101 operations of the
 * spec's equation listing, in the same order: 38 mul, 19 add, 16 sub, 14 div, 8 sqrt, 3 abs and
 * 3 squares; the outputs are operations 97, 99 and 101.
 */
public final class RoeFlux1d {

    /** Ratio of specific heats, non-physical on purpose (spec §3). */
    private static final double GAMMA = 0.5;

    /** Not instantiable: the task is the static method. */
    private RoeFlux1d() {
    }

    /**
     * The Roe flux across the interface between the left and the right state.
     *
     * @param ul0 left density
     * @param ul1 left momentum
     * @param ul2 left total energy
     * @param ur0 right density
     * @param ur1 right momentum
     * @param ur2 right total energy
     * @return {@code (phi0, phi1, phi2)}, the mass, momentum and energy fluxes
     */
    @Differentiable
    public static double[] roeFlux(double ul0, double ul1, double ul2, double ur0, double ur1, double ur2) {
        double du0 = ur0 - ul0;
        double ulr0 = Math.sqrt(ul0 * ur0);
        double w1 = Math.sqrt(ul0) + Math.sqrt(ur0);

        // Left and right states: velocity, pressure, enthalpy.
        double vl = ul1 / ul0;
        double pl = pressure(ul0, ul1, ul2);
        double hl = enthalpy(ul0, ul2, pl);
        double vr = ur1 / ur0;
        double pr = pressure(ur0, ur1, ur2);
        double hr = enthalpy(ur0, ur2, pr);

        double dp = pr - pl;
        double dv = vr - vl;

        // Roe averages (each square root recomputed).
        double u = (Math.sqrt(ul0) * vl + Math.sqrt(ur0) * vr) / w1;
        double h = (Math.sqrt(ul0) * hl + Math.sqrt(ur0) * hr) / w1;

        // Sound speed and wave speeds; the third one is |u| again (quirk of the reference).
        double q2 = u * u;
        double a2 = (GAMMA - 1.0) * (h - 0.5 * q2);
        double a = Math.sqrt(a2);
        double lp = Math.abs(u + a);
        double l = Math.abs(u);
        double ln = Math.abs(u);
        double n = a * ulr0;

        // Wave strengths (dp/n computed twice).
        double c0 = (du0 - dp / a2) * l;
        double c1 = (dv + dp / n) * lp;
        double c2 = (dv - dp / n) * ln;

        // Central flux F_L + F_R.
        double[] fl = flux(ul0, ul1, ul2, pl);
        double[] fr = flux(ur0, ur1, ur2, pr);
        double f0 = fl[0] + fr[0];
        double f1 = fl[1] + fr[1];
        double f2 = fl[2] + fr[2];

        // Upwind correction; every subterm is recomputed where it appears.
        double c = 0.5 * ulr0 / a;
        double dF0 = c0 + c * c1 - c * c2;
        double dF1 = c0 * u + (c * c1) * (u + a) - (c * c2) * (u - a);
        double dF2 = (c0 * 0.5) * q2 + (c * c1) * (h + u * a) - (c * c2) * (h - u * a);

        return new double[] {0.5 * (f0 - dF0), 0.5 * (f1 - dF1), 0.5 * (f2 - dF2)};
    }

    /** Pressure {@code p = (gamma - 1) * (u2 - 0.5 * u1^2 / u0)} of the state {@code (u0, u1, u2)}. */
    private static double pressure(double u0, double u1, double u2) {
        return (GAMMA - 1.0) * (u2 - 0.5 * (u1 * u1) / u0);
    }

    /** Specific total enthalpy {@code H = (u2 + p) / u0}. */
    private static double enthalpy(double u0, double u2, double p) {
        return (u2 + p) / u0;
    }

    /**
     * Physical flux {@code F = (u1, p + u1 * v, v * (p + u2))} of the state, with the velocity
     * {@code v = u1 / u0} recomputed here. The first component is the momentum input itself.
     */
    private static double[] flux(double u0, double u1, double u2, double p) {
        double v = u1 / u0;
        return new double[] {u1, p + u1 * v, v * (p + u2)};
    }

    /**
     * The reference inputs (spec §3): {@code (ul0, ul1, ul2, ur0, ur1, ur2) = (0.01, 0.02, 0.02, 0.01, 0.03, 0.03)}.
     *
     * @return the arguments of the task method, boxed, in parameter order
     */
    public static Object[] exampleArgs() {
        return new Object[] {0.01, 0.02, 0.02, 0.01, 0.03, 0.03};
    }
}
