package io.crosscountry.elimination.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.EliminationState;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.RandomGraphArbitraries;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The disjoint-path counts are true maxima: at the start, in PAPER mode, a vertex bound is
 * k_in·k_out, compared here with a textbook node-split max-flow on the original graph.
 */
class LowerBoundNetworkTest {

    @Provide
    Arbitrary<RandomGraphArbitraries.Case> graphs() {
        return RandomGraphArbitraries.graphs();
    }

    @Property(tries = 150)
    void vertex_bound_is_the_product_of_two_maximum_flows(@ForAll("graphs") RandomGraphArbitraries.Case c) {
        Graph g = c.graph();
        LowerBounds bounds = new LowerBounds(g, CostMode.PAPER, 1);
        EliminationState s = new EliminationState(g, CostMode.PAPER);
        for (int v : g.eliminable()) {
            long expected = (long) referenceFlow(g, v, false) * referenceFlow(g, v, true);
            assertEquals(expected, bounds.vertexBound(s, v), "vertex " + v + " " + c);
        }
    }

    /** Max vertex-disjoint paths from the inputs into v (or from v to the outputs), by Edmonds–Karp. */
    private static int referenceFlow(Graph g, int v, boolean out) {
        int ni = g.numInputs();
        int n = ni + g.numVertices();
        int source = 2 * n;
        int sink = 2 * n + 1;
        List<int[]> edges = new ArrayList<>(); // to, capacity
        List<List<Integer>> adj = new ArrayList<>();
        for (int i = 0; i < 2 * n + 2; i++) {
            adj.add(new ArrayList<>());
        }
        java.util.function.BiConsumer<int[], Integer> add = (ab, cap) -> {
            edges.add(new int[] {ab[1], cap});
            adj.get(ab[0]).add(edges.size() - 1);
            edges.add(new int[] {ab[0], 0});
            adj.get(ab[1]).add(edges.size() - 1);
        };
        int x = ni + v - 1;
        for (int i = 0; i < n; i++) {
            if (i != x) {
                add.accept(new int[] {2 * i, 2 * i + 1}, 1);
            }
        }
        boolean[] output = new boolean[n];
        for (int o : g.outputs()) {
            output[ni + o - 1] = true;
        }
        for (int w = 1; w <= g.numVertices(); w++) {
            for (int p : g.predIds(w)) {
                int a = p < 0 ? -p - 1 : ni + p - 1;
                int b = ni + w - 1;
                if (!out && b == x) {
                    add.accept(new int[] {2 * a + 1, sink}, 1);
                } else if (out && a == x) {
                    add.accept(new int[] {source, 2 * b}, 1);
                } else if (a != x && b != x && !(out && output[a])) {
                    add.accept(new int[] {2 * a + 1, 2 * b}, 1);
                }
            }
        }
        if (!out) {
            for (int i = 0; i < ni; i++) {
                add.accept(new int[] {source, 2 * i}, 1);
            }
        } else {
            for (int i = 0; i < n; i++) {
                if (output[i] && i != x) {
                    add.accept(new int[] {2 * i + 1, sink}, 1);
                }
            }
        }
        int flow = 0;
        while (true) {
            int[] via = new int[2 * n + 2];
            Arrays.fill(via, -1);
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(source);
            via[source] = -2;
            while (!queue.isEmpty() && via[sink] == -1) {
                int u = queue.poll();
                for (int e : adj.get(u)) {
                    int[] edge = edges.get(e);
                    if (edge[1] > 0 && via[edge[0]] == -1) {
                        via[edge[0]] = e;
                        queue.add(edge[0]);
                    }
                }
            }
            if (via[sink] == -1) {
                return flow;
            }
            for (int u = sink; u != source; u = edges.get(via[u] ^ 1)[0]) {
                edges.get(via[u])[1]--;
                edges.get(via[u] ^ 1)[1]++;
            }
            flow++;
        }
    }
}
