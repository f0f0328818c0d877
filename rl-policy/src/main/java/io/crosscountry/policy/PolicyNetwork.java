package io.crosscountry.policy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Plain-Java inference of the policy/value network "NET v1" (see {@link PolicyWeights} for the
 * function): no DJL, no native code, so it runs inside the Java agent and the build plugin.
 *
 * <p>Message passing uses the sparse predecessor/successor lists of the {@link GraphInput}: one
 * evaluation costs {@code O(n·F·H + L·(n·3H² + edges·H) + n·H·P)} multiply-adds. Working buffers
 * belong to the instance and grow to the largest graph seen; apart from the result nothing is
 * allocated per call.
 *
 * <p><b>Not thread-safe</b>: use one instance per thread; {@link #copy()} makes another evaluator
 * over the same (shared, immutable) packed weights cheaply.
 */
public final class PolicyNetwork {

    /** Classpath location of the shipped pretrained weights (a CCPN file). */
    public static final String DEFAULT_RESOURCE = "/io/crosscountry/policy/pretrained.ccpn";

    /**
     * The result of one evaluation.
     *
     * @param logits per node, {@code -∞} ({@link Float#NEGATIVE_INFINITY}) for illegal nodes
     * @param value  the value head's output (the trainer's transformed value; not squashed)
     */
    public record Output(float[] logits, float value) {
    }

    private final PolicyWeights weights;
    private final Packed p;

    // working buffers (rows are separate arrays: C2 vectorises the row loops only at offset 0)
    private int capacity;
    private float[][] h;     // n × H
    private float[][] cat;   // n × 3H: h·[A|B|C]
    private final float[] pooled;  // 2H
    private final float[] gq;      // P: g·Q1 + p1
    private final float[] z;       // max(P, H) scratch

    /** Immutable weights re-packed as row arrays for the kernels; shared between copies. */
    private static final class Packed {
        final int f;
        final int hd;
        final int l;
        final int pd;
        final float[][] inW;   // F × H
        final float[] inB;
        final float[][][] abc; // per layer H × 3H, row k = [A[k,:], B[k,:], C[k,:]]
        final float[][] d;
        final float[][] p1;    // H × P
        final float[][] q1;    // 2H × P
        final float[] p1b;
        final float[] p2;
        final float c2;
        final float[][] v1;    // 2H × H
        final float[] v1b;
        final float[] v2;
        final float c3;

        Packed(PolicyWeights w) {
            f = w.numFeatures();
            hd = w.hidden();
            l = w.layers();
            pd = w.policyHidden();
            inW = rows(w.raw(PolicyWeights.INPUT_W), f, hd);
            inB = w.raw(PolicyWeights.INPUT_B);
            abc = new float[l][][];
            d = new float[l][];
            for (int layer = 0; layer < l; layer++) {
                float[] a = w.raw(PolicyWeights.layerTensor(layer + 1, 'A'));
                float[] b = w.raw(PolicyWeights.layerTensor(layer + 1, 'B'));
                float[] c = w.raw(PolicyWeights.layerTensor(layer + 1, 'C'));
                float[][] m = new float[hd][3 * hd];
                for (int k = 0; k < hd; k++) {
                    System.arraycopy(a, k * hd, m[k], 0, hd);
                    System.arraycopy(b, k * hd, m[k], hd, hd);
                    System.arraycopy(c, k * hd, m[k], 2 * hd, hd);
                }
                abc[layer] = m;
                d[layer] = w.raw(PolicyWeights.layerTensor(layer + 1, 'd'));
            }
            p1 = rows(w.raw(PolicyWeights.POLICY_P1), hd, pd);
            q1 = rows(w.raw(PolicyWeights.POLICY_Q1), 2 * hd, pd);
            p1b = w.raw(PolicyWeights.POLICY_P1_BIAS);
            p2 = w.raw(PolicyWeights.POLICY_P2);
            c2 = w.raw(PolicyWeights.POLICY_C2)[0];
            v1 = rows(w.raw(PolicyWeights.VALUE_V1), 2 * hd, hd);
            v1b = w.raw(PolicyWeights.VALUE_V1_BIAS);
            v2 = w.raw(PolicyWeights.VALUE_V2);
            c3 = w.raw(PolicyWeights.VALUE_C3)[0];
        }

        private static float[][] rows(float[] flat, int r, int c) {
            float[][] m = new float[r][c];
            for (int i = 0; i < r; i++) {
                System.arraycopy(flat, i * c, m[i], 0, c);
            }
            return m;
        }
    }

    /** An evaluator for these weights. */
    public PolicyNetwork(PolicyWeights weights) {
        this(weights, new Packed(weights));
    }

    private PolicyNetwork(PolicyWeights weights, Packed packed) {
        this.weights = weights;
        this.p = packed;
        this.pooled = new float[2 * p.hd];
        this.gq = new float[p.pd];
        this.z = new float[Math.max(p.pd, p.hd)];
        this.h = new float[0][];
        this.cat = new float[0][];
        ensureCapacity(16);
    }

    /** Another evaluator over the same weights with its own buffers (for another thread). */
    public PolicyNetwork copy() {
        return new PolicyNetwork(weights, p);
    }

    /** The weights this network evaluates. */
    public PolicyWeights weights() {
        return weights;
    }

    /**
     * Reads the shipped pretrained weights from {@link #DEFAULT_RESOURCE}.
     *
     * @return empty when no such resource is on the classpath
     * @throws ModelFormatException when the resource exists but is not a valid weight file
     */
    public static Optional<PolicyNetwork> loadDefault() {
        return defaultWeights().map(PolicyNetwork::new);
    }

    /**
     * The shipped pretrained weights, if any (see {@link #loadDefault()}).
     *
     * @throws ModelFormatException when the resource exists but is not a valid weight file
     */
    public static Optional<PolicyWeights> defaultWeights() {
        try (InputStream in = PolicyNetwork.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(PolicyWeights.read(in, "resource " + DEFAULT_RESOURCE));
        } catch (IOException e) {
            throw new ModelFormatException("resource " + DEFAULT_RESOURCE, "cannot read: " + e, e);
        }
    }

    private void ensureCapacity(int n) {
        if (n <= capacity) {
            return;
        }
        int c = Math.max(n, capacity + capacity / 2);
        float[][] nh = java.util.Arrays.copyOf(h, c);
        float[][] nc = java.util.Arrays.copyOf(cat, c);
        for (int i = capacity; i < c; i++) {
            nh[i] = new float[p.hd];
            nc[i] = new float[3 * p.hd];
        }
        h = nh;
        cat = nc;
        capacity = c;
    }

    /**
     * Evaluates one state.
     *
     * @throws IllegalArgumentException if the input has no nodes or a different feature count
     */
    public Output evaluate(GraphInput in) {
        float[] logits = new float[in.numNodes()];
        float value = evaluateInto(in, logits);
        return new Output(logits, value);
    }

    /**
     * Evaluates one state into a caller-owned array (no allocation).
     *
     * @param logits receives the logit of each node ({@code -∞} for illegal nodes); length at least
     *               {@code in.numNodes()}
     * @return the value
     * @throws IllegalArgumentException if the input has no nodes or a different feature count
     */
    public float evaluateInto(GraphInput in, float[] logits) {
        final int n = in.numNodes();
        final int hd = p.hd;
        final int f = p.f;
        if (n < 1) {
            throw new IllegalArgumentException("a graph input needs at least one node");
        }
        if (in.numFeatures() != f) {
            throw new IllegalArgumentException("input has " + in.numFeatures() + " features, network expects " + f);
        }
        if (logits.length < n) {
            throw new IllegalArgumentException("logits array too short: " + logits.length + " < " + n);
        }
        ensureCapacity(n);
        final float[][] h = this.h;
        final float[][] cat = this.cat;

        // h0 = relu(X·W + b)
        final float[] x = in.features();
        for (int v = 0; v < n; v++) {
            float[] hv = h[v];
            System.arraycopy(p.inB, 0, hv, 0, hd);
            int xo = v * f;
            for (int r = 0; r < f; r++) {
                float a = x[xo + r];
                if (a != 0f) {
                    axpy(hv, a, p.inW[r], hd);
                }
            }
            relu(hv, hd);
        }

        // message passing: cat_v = h_v·[A|B|C]; z_v = hA_v + mean_pred hB + mean_succ hC + d
        final int[] ps = in.predStart();
        final int[] pi = in.predIndex();
        final int[] ss = in.succStart();
        final int[] si = in.succIndex();
        final int w3 = 3 * hd;
        final float[] z = this.z;
        for (int layer = 0; layer < p.l; layer++) {
            final float[][] abc = p.abc[layer];
            final float[] d = p.d[layer];
            for (int v = 0; v < n; v++) {
                vecTimesMatrix(h[v], hd, abc, w3, cat[v]);
            }
            for (int v = 0; v < n; v++) {
                float[] cv = cat[v];
                for (int j = 0; j < hd; j++) {
                    z[j] = cv[j] + d[j];
                }
                int p0 = ps[v];
                int p1 = ps[v + 1];
                if (p1 > p0) {
                    addMean(cat, pi, p0, p1, hd, z, hd);
                }
                int s0 = ss[v];
                int s1 = ss[v + 1];
                if (s1 > s0) {
                    addMean(cat, si, s0, s1, 2 * hd, z, hd);
                }
                float[] hv = h[v];
                for (int j = 0; j < hd; j++) {
                    float zj = z[j];
                    if (zj > 0f) {
                        hv[j] += zj;
                    }
                }
            }
        }

        // pooling g = [mean ; max]
        final float[] g = pooled;
        System.arraycopy(h[0], 0, g, 0, hd);
        System.arraycopy(h[0], 0, g, hd, hd);
        for (int v = 1; v < n; v++) {
            float[] hv = h[v];
            for (int j = 0; j < hd; j++) {
                float a = hv[j];
                g[j] += a;
                if (a > g[hd + j]) {
                    g[hd + j] = a;
                }
            }
        }
        float invN = 1f / n;
        for (int j = 0; j < hd; j++) {
            g[j] *= invN;
        }

        // policy head
        final int pd = p.pd;
        System.arraycopy(p.p1b, 0, gq, 0, pd);
        vecTimesMatrixAdd(g, 2 * hd, p.q1, pd, gq);
        final boolean[] legal = in.legal();
        final float[] p2 = p.p2;
        for (int v = 0; v < n; v++) {
            if (!legal[v]) {
                logits[v] = Float.NEGATIVE_INFINITY;
                continue;
            }
            System.arraycopy(gq, 0, z, 0, pd);
            vecTimesMatrixAdd(h[v], hd, p.p1, pd, z);
            float s = 0f;
            for (int j = 0; j < pd; j++) {
                float a = z[j];
                if (a > 0f) {
                    s += a * p2[j];
                }
            }
            logits[v] = s + p.c2;
        }

        // value head
        System.arraycopy(p.v1b, 0, z, 0, hd);
        vecTimesMatrixAdd(g, 2 * hd, p.v1, hd, z);
        float u = 0f;
        final float[] v2 = p.v2;
        for (int j = 0; j < hd; j++) {
            float a = z[j];
            if (a > 0f) {
                u += a * v2[j];
            }
        }
        return u + p.c3;
    }

    /** {@code z[0..len) += mean over listed nodes u of cat[u][off .. off+len)}. */
    private static void addMean(float[][] cat, int[] idx, int from, int to, int off, float[] z, int len) {
        if (to - from == 1) {
            float[] c = cat[idx[from]];
            for (int j = 0; j < len; j++) {
                z[j] += c[off + j];
            }
            return;
        }
        float inv = 1f / (to - from);
        for (int e = from; e < to; e++) {
            float[] c = cat[idx[e]];
            for (int j = 0; j < len; j++) {
                z[j] += inv * c[off + j];
            }
        }
    }

    /** {@code out = x[0..k) · w}, with w given as k rows of length m. */
    private static void vecTimesMatrix(float[] x, int k, float[][] w, int m, float[] out) {
        java.util.Arrays.fill(out, 0, m, 0f);
        vecTimesMatrixAdd(x, k, w, m, out);
    }

    /**
     * {@code out += x[0..k) · w}, with w given as k rows of length m. Four rows of w per pass over
     * {@code out}: fewer loads and stores per multiply-add than one row at a time (about 2× here).
     */
    private static void vecTimesMatrixAdd(float[] x, int k, float[][] w, int m, float[] out) {
        int r = 0;
        for (; r + 4 <= k; r += 4) {
            axpy4(out, x[r], w[r], x[r + 1], w[r + 1], x[r + 2], w[r + 2], x[r + 3], w[r + 3], m);
        }
        for (; r < k; r++) {
            axpy(out, x[r], w[r], m);
        }
    }

    private static void axpy4(float[] out, float a0, float[] w0, float a1, float[] w1, float a2, float[] w2,
                              float a3, float[] w3, int m) {
        for (int j = 0; j < m; j++) {
            out[j] += (a0 * w0[j] + a1 * w1[j]) + (a2 * w2[j] + a3 * w3[j]);
        }
    }

    /** {@code out[0..m) += a·w[0..m)} (offset 0 on both arrays, so that C2 vectorises it). */
    private static void axpy(float[] out, float a, float[] w, int m) {
        for (int j = 0; j < m; j++) {
            out[j] += a * w[j];
        }
    }

    private static void relu(float[] a, int len) {
        for (int j = 0; j < len; j++) {
            if (a[j] < 0f) {
                a[j] = 0f;
            }
        }
    }

    /**
     * The policy: softmax of the logits over the legal nodes, 0 for illegal nodes (all 0 when no node
     * is legal).
     */
    public static float[] priors(Output out, GraphInput in) {
        float[] logits = out.logits();
        boolean[] legal = in.legal();
        int n = in.numNodes();
        float[] pr = new float[n];
        float max = Float.NEGATIVE_INFINITY;
        for (int v = 0; v < n; v++) {
            if (legal[v] && logits[v] > max) {
                max = logits[v];
            }
        }
        if (max == Float.NEGATIVE_INFINITY) {
            return pr;
        }
        double sum = 0;
        for (int v = 0; v < n; v++) {
            if (legal[v]) {
                float e = (float) Math.exp(logits[v] - max);
                pr[v] = e;
                sum += e;
            }
        }
        float inv = (float) (1.0 / sum);
        for (int v = 0; v < n; v++) {
            pr[v] *= inv;
        }
        return pr;
    }

    /**
     * The masked log-softmax: log-probabilities of the legal nodes, {@code -∞} for illegal nodes (all
     * {@code -∞} when no node is legal).
     */
    public static float[] logSoftmax(Output out, GraphInput in) {
        float[] logits = out.logits();
        boolean[] legal = in.legal();
        int n = in.numNodes();
        float[] ls = new float[n];
        float max = Float.NEGATIVE_INFINITY;
        for (int v = 0; v < n; v++) {
            if (legal[v] && logits[v] > max) {
                max = logits[v];
            }
        }
        double sum = 0;
        for (int v = 0; v < n; v++) {
            if (legal[v]) {
                sum += Math.exp(logits[v] - max);
            }
        }
        float lse = (float) (max + Math.log(sum));
        for (int v = 0; v < n; v++) {
            ls[v] = legal[v] ? logits[v] - lse : Float.NEGATIVE_INFINITY;
        }
        return ls;
    }
}
