package io.crosscountry.elimination.heuristics;

import io.crosscountry.elimination.Graph;

/**
 * For every vertex, how many inputs it depends on and how many outputs depend on it.
 *
 * <p>Elimination contracts paths but never creates or breaks one between remaining vertices, so
 * these counts are computed once on the original graph and stay valid for every intermediate
 * state. Counted with bit sets in id order (ids are topological); when the bit sets would be too
 * large, inputs and outputs are folded into fewer buckets and the counts become underestimates.
 */
final class Reachability {

    private static final long MAX_WORDS = 1L << 24; // 128 MiB of bit sets at most

    private final int[] inputsReaching;   // by vertex id
    private final int[] outputsReached;   // by vertex id

    Reachability(Graph graph) {
        int n = graph.numVertices();
        inputsReaching = new int[n + 1];
        outputsReached = new int[n + 1];
        int inBits = bits(graph.numInputs(), n);
        long[][] in = new long[n + 1][];
        for (int v = 1; v <= n; v++) {
            long[] b = new long[words(inBits)];
            for (int p : graph.predIds(v)) {
                if (p < 0) {
                    int k = (-p - 1) % inBits;
                    b[k >>> 6] |= 1L << k;
                } else {
                    or(b, in[p]);
                }
            }
            in[v] = b;
            inputsReaching[v] = count(b);
        }
        in = null;
        int[] outputs = graph.outputs();
        int outBits = bits(outputs.length, n);
        int[] outputIndex = new int[n + 1];
        java.util.Arrays.fill(outputIndex, -1);
        for (int k = 0; k < outputs.length; k++) {
            outputIndex[outputs[k]] = k % outBits;
        }
        long[][] out = new long[n + 2][];
        for (int v = n; v >= 1; v--) {
            long[] b = new long[words(outBits)];
            if (outputIndex[v] >= 0) {
                b[outputIndex[v] >>> 6] |= 1L << outputIndex[v];
            }
            for (int s : graph.succIds(v)) {
                or(b, out[s]);
            }
            out[v] = b;
            outputsReached[v] = count(b);
        }
    }

    /** The number of inputs vertex {@code id} depends on. */
    int inputsReaching(int id) {
        return inputsReaching[id];
    }

    /** The number of outputs that depend on vertex {@code id} (itself included when it is one). */
    int outputsReached(int id) {
        return outputsReached[id];
    }

    private static int bits(int wanted, int vertices) {
        long maxBits = Math.max(64, MAX_WORDS / Math.max(1, vertices) * 64);
        return (int) Math.max(1, Math.min(wanted, maxBits));
    }

    private static int words(int bits) {
        return (bits + 63) >>> 6;
    }

    private static void or(long[] into, long[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] |= from[i];
        }
    }

    private static int count(long[] b) {
        int c = 0;
        for (long w : b) {
            c += Long.bitCount(w);
        }
        return c;
    }
}
