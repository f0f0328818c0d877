package io.crosscountry.samples.paper;

import io.crosscountry.Differentiable;
import io.crosscountry.MathX;

/**
 * BlackScholes and BlackScholes_Jacobian (benchmark spec §8): the price of a European call under
 * Black–Scholes, and its five first-order Greeks, whose Jacobian (the 5×5 Hessian of the price)
 * is the paper's task.
 *
 * <p><b>The price</b>, {@link #price}, follows the specification's 32-operation listing (§8.1)
 * one Java operation per equation: the forward price F = exp(r·T)·S, then Black-76,
 * <pre>
 *   d1 = (log(F/K) + (σ²/2)·T)/(σ·√T),   d2 = d1 − σ·√T,
 *   price = exp(−r·T)·(F·Φ(d1) − K·Φ(d2)),   Φ(z) = (1 + erf(z/√2))/2,
 * </pre>
 * with √T recomputed for d2, the discount factor evaluated before Φ(d1), and √2 computed by a
 * {@code Math.sqrt(2.0)} call in each Φ, as the specification's two constant equations. It is a
 * scalar function with the listing's 32 operations in the listing's order; the published costs of
 * that graph are fwd 108, rev 44, min-Markowitz 50. (The two {@code Math.sqrt(2.0)} calls depend
 * on no input: an analysis that folds them into constants gets 30 vertices, and reverse mode then
 * saves the two products through them.)
 *
 * <p><b>The Greeks</b>, {@link #greeks}, return (∂S, ∂K, ∂r, ∂σ, ∂T) of the price, the order of
 * the published BlackScholes_Jacobian outputs. As in the original task, where the Greeks are code
 * emitted by reverse-mode vertex elimination of the price graph, they are computed here by
 * reverse-mode accumulation written out by hand:
 * <ol>
 *   <li>a forward sweep evaluates the price's operations v1 … v31 (the final product v32, the
 *       price itself, is not needed by any derivative and is not computed) and, right after each
 *       operation, its elemental partial derivatives that are not literals (1/K, −v4/K, 1/v4, 2σ,
 *       0.5/√T, 1/(σ√T), −d1/(σ√T) and erf′(z) = 2/√π·exp(−z²));</li>
 *   <li>a reverse sweep visits the operations from the last to the first and propagates the
 *       adjoints a_k = ∂price/∂v_k: eliminating vertex k in reverse order adds a_k·∂v_k/∂v_j to
 *       a_j for each operand j, and the adjoints of the five inputs are the Greeks.</li>
 * </ol>
 * Partials equal to ±1 are not multiplied (a sum passes the adjoint on, a difference negates it),
 * and literal partials (0.5, 1/√2) are multiplications by a constant. The constants √2 and 2/√π
 * of the derivative code are {@code static final} fields, so unlike the price's √2 they are not
 * vertices.
 *
 * <p><b>Relation to the published graph.</b> The published BlackScholes_Jacobian graph is the
 * jaxpr of the reference interpreter's emitted code under {@code jax.vmap} (batch 1), and the
 * specification states that it depends on how the inner elimination emits partials and products:
 * an independent implementation gets its own graph, ids and costs. Ours has no dead vertices (no
 * partials with respect to literals or constants, no unused price, no {@code mul(·, 1.0)}), no
 * {@code convert_element_type} or broadcasts, and the vmap batch axis is absent. It is a purely
 * scalar graph; it counts as a tensor task only because the published one is. The method performs
 * 93 double operations: 29 of the price, 18 partials and 46 in the reverse sweep.
 */
public final class BlackScholes {

    private static final double SQRT2 = Math.sqrt(2.0);
    private static final double INV_SQRT2 = 1.0 / SQRT2;
    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);

    private BlackScholes() {
    }

    /**
     * The Black–Scholes price of a European call, written through Black-76 on the forward price.
     *
     * @param S     spot price
     * @param K     strike
     * @param r     interest rate
     * @param sigma volatility
     * @param T     time to maturity
     * @return the price
     */
    @Differentiable
    public static double price(double S, double K, double r, double sigma, double T) {
        double F = Math.exp(r * T) * S;
        return black76(F, K, r, sigma, T);
    }

    /** Black-76 in the specification's evaluation order. */
    private static double black76(double F, double K, double r, double sigma, double T) {
        double d1 = (Math.log(F / K) + sigma * sigma / 2.0 * T) / (sigma * Math.sqrt(T));
        double d2 = d1 - sigma * Math.sqrt(T);
        return Math.exp(-r * T) * (F * phi(d1) - K * phi(d2));
    }

    /** The standard normal CDF (1 + erf(z/√2))/2, with √2 as a {@code Math.sqrt} call. */
    private static double phi(double z) {
        return (1.0 + MathX.erf(z / Math.sqrt(2.0))) / 2.0;
    }

    /**
     * The five first-order Greeks by a hand-written reverse sweep over the price's operations
     * (see the class comment). Variable {@code vK} is the value of the price listing's equation
     * #K; {@code aK} its adjoint ∂price/∂vK; {@code pK…} its elemental partials.
     *
     * @return {∂price/∂S, ∂price/∂K, ∂price/∂r, ∂price/∂σ, ∂price/∂T}
     */
    @Differentiable
    public static double[] greeks(double S, double K, double r, double sigma, double T) {
        // ---- forward sweep: the price's operations, each followed by its non-literal partials
        double v1 = r * T;                        // ∂/∂r = T, ∂/∂T = r
        double v2 = Math.exp(v1);                 // ∂/∂v1 = v2
        double v3 = v2 * S;                       // F; ∂/∂v2 = S, ∂/∂S = v2
        double v4 = v3 / K;
        double p4F = 1.0 / K;                     // ∂v4/∂v3
        double p4K = -v4 / K;                     // ∂v4/∂K
        double v5 = Math.log(v4);
        double p5 = 1.0 / v4;
        double v6 = sigma * sigma;
        double p6 = 2.0 * sigma;
        double v7 = v6 / 2.0;                     // ∂/∂v6 = 0.5
        double v8 = v7 * T;                       // ∂/∂v7 = T, ∂/∂T = v7
        double v9 = v5 + v8;
        double v10 = Math.sqrt(T);
        double p10 = 0.5 / v10;
        double v11 = sigma * v10;                 // ∂/∂σ = v10, ∂/∂v10 = σ
        double v12 = v9 / v11;                    // d1
        double p12n = 1.0 / v11;                  // ∂v12/∂v9
        double p12d = -v12 / v11;                 // ∂v12/∂v11
        double v13 = Math.sqrt(T);
        double p13 = 0.5 / v13;
        double v14 = sigma * v13;                 // ∂/∂σ = v13, ∂/∂v13 = σ
        double v15 = v12 - v14;                   // d2
        double v16 = -r;
        double v17 = v16 * T;                     // ∂/∂v16 = T, ∂/∂T = v16
        double v18 = Math.exp(v17);               // discount factor; ∂/∂v17 = v18
        double v20 = v12 / SQRT2;                 // d1/√2 (#19 is the constant √2); ∂/∂v12 = 1/√2
        double v21 = MathX.erf(v20);
        double p21 = TWO_OVER_SQRT_PI * Math.exp(-(v20 * v20));
        double v22 = 1.0 + v21;
        double v23 = v22 / 2.0;                   // Φ(d1)
        double v24 = v3 * v23;                    // ∂/∂v3 = v23, ∂/∂v23 = v3
        double v26 = v15 / SQRT2;                 // d2/√2 (#25 is the constant √2); ∂/∂v15 = 1/√2
        double v27 = MathX.erf(v26);
        double p27 = TWO_OVER_SQRT_PI * Math.exp(-(v26 * v26));
        double v28 = 1.0 + v27;
        double v29 = v28 / 2.0;                   // Φ(d2)
        double v30 = K * v29;                     // ∂/∂K = v29, ∂/∂v29 = K
        double v31 = v24 - v30;                   // ∂/∂v24 = 1, ∂/∂v30 = −1
        // price = v32 = v18·v31 is not needed below

        // ---- reverse sweep: a32 = 1, vertices from #31 down to #1
        double a31 = v18;                         // ∂v32/∂v31
        double a18 = v31;                         // ∂v32/∂v18
        double a24 = a31;                         // #31
        double a30 = -a31;
        double a29 = a30 * K;                     // #30
        double aK = a30 * v29;
        double a28 = a29 * 0.5;                   // #29
        double a26 = a28 * p27;                   // #28 passes a28 on to #27; #27
        double a15 = a26 * INV_SQRT2;             // #26
        double a23 = a24 * v3;                    // #24
        double a3 = a24 * v23;
        double a22 = a23 * 0.5;                   // #23
        double a20 = a22 * p21;                   // #22 passes a22 on to #21; #21
        double a12 = a20 * INV_SQRT2;             // #20
        double a17 = a18 * v18;                   // #18
        double a16 = a17 * T;                     // #17
        double aT = a17 * v16;
        double aR = -a16;                         // #16
        a12 = a12 + a15;                          // #15
        double a14 = -a15;
        double aSigma = a14 * v13;                // #14
        double a13 = a14 * sigma;
        aT = aT + a13 * p13;                      // #13
        double a9 = a12 * p12n;                   // #12
        double a11 = a12 * p12d;
        aSigma = aSigma + a11 * v10;              // #11
        double a10 = a11 * sigma;
        aT = aT + a10 * p10;                      // #10
        double a7 = a9 * T;                       // #9 passes a9 on to #5 and #8; #8
        aT = aT + a9 * v7;
        double a6 = a7 * 0.5;                     // #7
        aSigma = aSigma + a6 * p6;                // #6
        double a4 = a9 * p5;                      // #5 (a5 = a9)
        a3 = a3 + a4 * p4F;                       // #4
        aK = aK + a4 * p4K;
        double a2 = a3 * S;                       // #3
        double aS = a3 * v2;
        double a1 = a2 * v2;                      // #2
        aR = aR + a1 * T;                         // #1
        aT = aT + a1 * r;
        return new double[] {aS, aK, aR, aSigma, aT};
    }

    /** The reference inputs: S = K = r = σ = T = 1 (the specification's {@code jnp.ones((1,))}). */
    public static Object[] exampleArgs() {
        return new Object[] {1.0, 1.0, 1.0, 1.0, 1.0};
    }
}
