package io.crosscountry.elimination.search;

import io.crosscountry.elimination.Graph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The independent parts of an elimination problem: the connected components of the eliminable
 * vertices, two of them joined when an original edge links them (direction ignored; inputs and
 * non-eliminable outputs join nothing).
 *
 * <p><b>Why the cost decomposes.</b> Eliminating v costs a function of v's current edges, and every
 * current edge of v comes from an original path whose interior is eliminated (see
 * {@link LowerBounds}); that interior, and v's current neighbours other than inputs and outputs,
 * are linked to v through eliminable vertices, so they lie in v's component. Hence v's cost in a
 * state depends only on which vertices <em>of its own component</em> are eliminated, an order's
 * cost is the sum over components of the cost of its sub-order restricted to each, and the
 * optimum is the sum of the components' optima (any interleaving of optimal sub-orders is
 * optimal). The same holds for lower bounds: per-component bounds add up.
 */
final class ExactComponents {

    private ExactComponents() {
    }

    /** The components' vertex ids (each ascending), smallest component first. */
    static List<int[]> of(Graph graph) {
        int n = graph.numVertices();
        int[] parent = new int[n + 1];
        for (int v = 0; v <= n; v++) {
            parent[v] = v;
        }
        boolean[] eliminable = new boolean[n + 1];
        for (int v : graph.eliminable()) {
            eliminable[v] = true;
        }
        for (int v = 1; v <= n; v++) {
            if (!eliminable[v]) {
                continue;
            }
            for (int p : graph.predIds(v)) {
                if (p > 0 && eliminable[p]) {
                    union(parent, p, v);
                }
            }
        }
        List<List<Integer>> groups = new ArrayList<>();
        int[] groupOf = new int[n + 1];
        Arrays.fill(groupOf, -1);
        for (int v : graph.eliminable()) {
            int r = find(parent, v);
            if (groupOf[r] < 0) {
                groupOf[r] = groups.size();
                groups.add(new ArrayList<>());
            }
            groups.get(groupOf[r]).add(v);
        }
        List<int[]> out = new ArrayList<>();
        for (List<Integer> gr : groups) {
            out.add(gr.stream().mapToInt(Integer::intValue).toArray());
        }
        out.sort(Comparator.<int[]>comparingInt(c -> c.length).thenComparingInt(c -> c[0]));
        return out;
    }

    /** The sub-sequence of {@code order} whose vertices are in {@code component} (given as a mask). */
    static int[] restrict(int[] order, boolean[] member) {
        int count = 0;
        for (int v : order) {
            if (member[v]) {
                count++;
            }
        }
        int[] r = new int[count];
        int i = 0;
        for (int v : order) {
            if (member[v]) {
                r[i++] = v;
            }
        }
        return r;
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
