package io.crosscountry.samples.baselines;

import org.hipparchus.analysis.differentiation.Gradient;

/**
 * RoeFlux_1d written by hand with Hipparchus {@link Gradient} arithmetic: a line-by-line
 * transcription of {@link io.crosscountry.samples.paper.RoeFlux1d#roeFlux}, helpers included, with
 * the same operations in the same order (so its Jacobian equals {@link GradientForward}'s bit for
 * bit). Comparing the two measures what the graph-driven dispatch costs over hand-written
 * operator-overloading code.
 */
public final class HipparchusRoeFlux1d implements JacobianMethod {

    /** The name in reports and benchmarks. */
    public static final String NAME = "hipparchus-gradient-handwritten";

    /** Ratio of specific heats, as in the sample (non-physical on purpose). */
    private static final double GAMMA = 0.5;
    private static final int N = 6;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int numInputs() {
        return N;
    }

    @Override
    public int numOutputs() {
        return 3;
    }

    @Override
    public void jacobian(double[] x, double[][] J) {
        Gradient[] phi = roeFlux(Gradient.variable(N, 0, x[0]), Gradient.variable(N, 1, x[1]),
                Gradient.variable(N, 2, x[2]), Gradient.variable(N, 3, x[3]), Gradient.variable(N, 4, x[4]),
                Gradient.variable(N, 5, x[5]));
        for (int r = 0; r < 3; r++) {
            for (int j = 0; j < N; j++) {
                J[r][j] = phi[r].getPartialDerivative(j);
            }
        }
    }

    /** The Roe flux across the interface between the left and the right state. */
    public static Gradient[] roeFlux(Gradient ul0, Gradient ul1, Gradient ul2, Gradient ur0, Gradient ur1, Gradient ur2) {
        Gradient du0 = ur0.subtract(ul0);
        Gradient ulr0 = ul0.multiply(ur0).sqrt();
        Gradient w1 = ul0.sqrt().add(ur0.sqrt());

        Gradient vl = ul1.divide(ul0);
        Gradient pl = pressure(ul0, ul1, ul2);
        Gradient hl = enthalpy(ul0, ul2, pl);
        Gradient vr = ur1.divide(ur0);
        Gradient pr = pressure(ur0, ur1, ur2);
        Gradient hr = enthalpy(ur0, ur2, pr);

        Gradient dp = pr.subtract(pl);
        Gradient dv = vr.subtract(vl);

        Gradient u = ul0.sqrt().multiply(vl).add(ur0.sqrt().multiply(vr)).divide(w1);
        Gradient h = ul0.sqrt().multiply(hl).add(ur0.sqrt().multiply(hr)).divide(w1);

        Gradient q2 = u.multiply(u);
        Gradient a2 = h.subtract(q2.multiply(0.5)).multiply(GAMMA - 1.0);
        Gradient a = a2.sqrt();
        Gradient lp = u.add(a).abs();
        Gradient l = u.abs();
        Gradient ln = u.abs();
        Gradient n = a.multiply(ulr0);

        Gradient c0 = du0.subtract(dp.divide(a2)).multiply(l);
        Gradient c1 = dv.add(dp.divide(n)).multiply(lp);
        Gradient c2 = dv.subtract(dp.divide(n)).multiply(ln);

        Gradient[] fl = flux(ul0, ul1, ul2, pl);
        Gradient[] fr = flux(ur0, ur1, ur2, pr);
        Gradient f0 = fl[0].add(fr[0]);
        Gradient f1 = fl[1].add(fr[1]);
        Gradient f2 = fl[2].add(fr[2]);

        Gradient c = ulr0.multiply(0.5).divide(a);
        Gradient dF0 = c0.add(c.multiply(c1)).subtract(c.multiply(c2));
        Gradient dF1 = c0.multiply(u).add(c.multiply(c1).multiply(u.add(a))).subtract(c.multiply(c2).multiply(u.subtract(a)));
        Gradient dF2 = c0.multiply(0.5).multiply(q2).add(c.multiply(c1).multiply(h.add(u.multiply(a))))
                .subtract(c.multiply(c2).multiply(h.subtract(u.multiply(a))));

        return new Gradient[] {f0.subtract(dF0).multiply(0.5), f1.subtract(dF1).multiply(0.5), f2.subtract(dF2).multiply(0.5)};
    }

    /** Pressure {@code (gamma - 1) * (u2 - 0.5 * u1^2 / u0)}. */
    private static Gradient pressure(Gradient u0, Gradient u1, Gradient u2) {
        return u2.subtract(u1.multiply(u1).multiply(0.5).divide(u0)).multiply(GAMMA - 1.0);
    }

    /** Specific total enthalpy {@code (u2 + p) / u0}. */
    private static Gradient enthalpy(Gradient u0, Gradient u2, Gradient p) {
        return u2.add(p).divide(u0);
    }

    /** Physical flux {@code (u1, p + u1 * v, v * (p + u2))} with {@code v = u1 / u0} recomputed. */
    private static Gradient[] flux(Gradient u0, Gradient u1, Gradient u2, Gradient p) {
        Gradient v = u1.divide(u0);
        return new Gradient[] {u1, p.add(u1.multiply(v)), v.multiply(p.add(u2))};
    }
}
