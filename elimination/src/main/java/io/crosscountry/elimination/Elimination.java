package io.crosscountry.elimination;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A mutable copy of a graph's edges on which vertices are eliminated one by one, counting
 * multiplications. Simple maps, built for clarity; it is the reference the faster search engine
 * is tested against.
 *
 * <p>Edge values are the constant partial when it is known at compile time, else {@code null}
 * (a constant may itself be NaN or infinite, e.g. {@code 0·∞}; it is still a constant).
 */
final class Elimination {

    private final Graph graph;
    private final CostMode mode;
    private final List<Map<Integer, Double>> succ = new ArrayList<>(); // node -> (succ node -> value)
    private final List<Set<Integer>> pred = new ArrayList<>();         // node -> pred nodes

    Elimination(Graph graph, CostMode mode) {
        this.graph = graph;
        this.mode = mode;
        int nodes = graph.numInputs() + graph.numVertices();
        for (int i = 0; i < nodes; i++) {
            succ.add(new HashMap<>());
            pred.add(new LinkedHashSet<>());
        }
        for (int v = 1; v <= graph.numVertices(); v++) {
            int w = graph.node(v);
            int[] p = graph.predsOf(v);
            double[] c = graph.predConstantsOf(v);
            for (int k = 0; k < p.length; k++) {
                int u = graph.node(p[k]);
                succ.get(u).put(w, Double.isNaN(c[k]) ? null : c[k]);
                pred.get(w).add(u);
            }
        }
    }

    /** |preds(v)|·|succs(v)| in the current graph. */
    long markowitzDegree(int id) {
        int v = graph.node(id);
        return (long) pred.get(v).size() * succ.get(v).size();
    }

    /** Eliminates vertex {@code id} and returns the multiplications it cost in this mode. */
    long eliminate(int id) {
        int v = graph.node(id);
        Map<Integer, Double> outs = succ.get(v);
        long cost = 0;
        for (int p : pred.get(v)) {
            Map<Integer, Double> pOuts = succ.get(p);
            Double in = pOuts.get(v);
            for (Map.Entry<Integer, Double> out : outs.entrySet()) {
                int s = out.getKey();
                Double product = in != null && out.getValue() != null ? in * out.getValue() : null;
                cost += mode == CostMode.PAPER ? 1 : effectiveCost(in, out.getValue());
                if (!pOuts.containsKey(s)) {
                    pOuts.put(s, product);
                } else {
                    Double existing = pOuts.get(s);
                    pOuts.put(s, existing != null && product != null ? existing + product : null);
                }
                pred.get(s).add(p);
            }
        }
        for (int s : outs.keySet()) {
            pred.get(s).remove(v);
        }
        outs.clear();
        if (!graph.outputFlag(id)) {
            for (int p : pred.get(v)) {
                succ.get(p).remove(v);
            }
            pred.get(v).clear();
        }
        return cost;
    }

    /** Free when a factor is ±1 or both are constants (folded); one multiplication otherwise. */
    private static long effectiveCost(Double a, Double b) {
        if (isUnit(a) || isUnit(b)) {
            return 0;
        }
        return a != null && b != null ? 0 : 1;
    }

    private static boolean isUnit(Double x) {
        return x != null && (x == 1.0 || x == -1.0);
    }
}
