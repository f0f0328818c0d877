package io.crosscountry.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random, internally consistent {@link GraphInput}s for the network tests and benchmarks. */
final class RandomGraphInputs {

    private RandomGraphInputs() {
    }

    /**
     * A random DAG-like input: node v draws up to {@code maxPreds} distinct predecessors among the
     * nodes before it; successor lists are the exact transpose. Features mix dense values, exact zeros
     * and a one-hot block; at least one node is legal.
     */
    static GraphInput random(Random rnd, int n, int numFeatures, int maxPreds) {
        List<List<Integer>> preds = new ArrayList<>();
        List<List<Integer>> succs = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            preds.add(new ArrayList<>());
            succs.add(new ArrayList<>());
        }
        for (int v = 1; v < n; v++) {
            int k = rnd.nextInt(Math.min(v, maxPreds) + 1);
            for (int i = 0; i < k; i++) {
                int u = Math.max(0, v - 1 - rnd.nextInt(Math.min(v, 12)));
                if (!preds.get(v).contains(u)) {
                    preds.get(v).add(u);
                    succs.get(u).add(v);
                }
            }
        }
        int[] predStart = new int[n + 1];
        int[] succStart = new int[n + 1];
        for (int v = 0; v < n; v++) {
            predStart[v + 1] = predStart[v] + preds.get(v).size();
            succStart[v + 1] = succStart[v] + succs.get(v).size();
        }
        int[] predIndex = new int[predStart[n]];
        int[] succIndex = new int[succStart[n]];
        for (int v = 0; v < n; v++) {
            for (int i = 0; i < preds.get(v).size(); i++) {
                predIndex[predStart[v] + i] = preds.get(v).get(i);
            }
            for (int i = 0; i < succs.get(v).size(); i++) {
                succIndex[succStart[v] + i] = succs.get(v).get(i);
            }
        }
        float[] x = new float[n * numFeatures];
        int oneHot = Math.min(4, numFeatures);
        for (int v = 0; v < n; v++) {
            x[v * numFeatures + rnd.nextInt(oneHot)] = 1f;
            for (int f = oneHot; f < numFeatures; f++) {
                x[v * numFeatures + f] = rnd.nextInt(3) == 0 ? 0f : (float) rnd.nextGaussian();
            }
        }
        int[] ids = new int[n];
        boolean[] legal = new boolean[n];
        boolean any = false;
        for (int v = 0; v < n; v++) {
            ids[v] = v + 1;
            legal[v] = rnd.nextInt(3) != 0;
            any |= legal[v];
        }
        if (!any) {
            legal[rnd.nextInt(n)] = true;
        }
        return new GraphInput(n, numFeatures, x, predStart, predIndex, succStart, succIndex, ids, legal);
    }

    /** Weights with every tensor (biases included) drawn at random, so tests exercise all of them. */
    static PolicyWeights randomDense(Random rnd, int f, int h, int l, int p) {
        PolicyWeights base = PolicyWeights.random(f, h, l, p, rnd.nextLong());
        java.util.Map<String, float[]> t = base.tensors();
        for (var e : t.entrySet()) {
            float[] a = e.getValue();
            boolean bias = a.length <= Math.max(h, p) || e.getKey().endsWith("p2") || e.getKey().endsWith("V2");
            for (int i = 0; i < a.length; i++) {
                if (bias) {
                    a[i] = (float) (0.3 * rnd.nextGaussian());
                } else {
                    a[i] += (float) (0.02 * rnd.nextGaussian());
                }
            }
        }
        return PolicyWeights.of(f, h, l, p, t);
    }
}
