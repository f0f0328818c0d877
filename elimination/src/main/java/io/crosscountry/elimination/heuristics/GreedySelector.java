package io.crosscountry.elimination.heuristics;

import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.EliminationState;
import io.crosscountry.elimination.Graph;
import java.util.SplittableRandom;

/**
 * Runs one {@link GreedyHeuristic} on one graph, as often as wanted: repeatedly eliminates the
 * remaining vertex with the smallest (primary, secondary, id) score.
 *
 * <p>Scores are kept in an indexed heap and updated incrementally: eliminating v can only change
 * the scores of v's predecessors and successors (whose edges change), and, for two-hop criteria
 * such as fill-in, of the vertices u with a new edge p→s between a predecessor p of u and a
 * successor s of u. A step costs time proportional to that neighbourhood times log n, not a rescan
 * of every vertex, and the result is identical to rescoring everything each step (tested).
 *
 * <p>{@link #run(SplittableRandom, int, double)} is the randomised variant used by
 * {@code RandomizedGreedy}: at some steps it picks uniformly among the k best candidates.
 *
 * <p>Reusable (each run starts from the full graph) but not thread-safe.
 */
public final class GreedySelector {

    private final Criterion primaryCriterion;
    private final Criterion secondaryCriterion;
    private final boolean twoHop;
    private final EliminationState state;
    private final Scorer scorer;
    private final long[] primary;
    private final long[] secondary;
    private final CandidateHeap heap;
    private final int[] eliminable;
    private final int[] affected;
    private final int[] affectedMark;
    private int affectedGeneration;
    private int[] picked = new int[8];
    // two-hop criteria: the fill-in edges of the current elimination, per predecessor (flat)
    private final int[] targetMark;
    private int targetGeneration;
    private final int[] newEdgesStart;
    private int[] newEdgeTargets = new int[64];

    GreedySelector(Graph graph, CostMode mode, Criterion primary, Criterion secondary, TieBreak ties) {
        this.primaryCriterion = primary;
        this.secondaryCriterion = secondary;
        this.twoHop = primary.twoHop() || (secondary != null && secondary.twoHop());
        this.state = new EliminationState(graph, mode);
        this.scorer = new Scorer(state);
        int n = graph.numVertices();
        this.primary = new long[n + 1];
        this.secondary = new long[n + 1];
        this.heap = new CandidateHeap(this.primary, this.secondary, ties);
        this.eliminable = graph.eliminable();
        this.affected = new int[n + 1];
        this.affectedMark = new int[n + 1];
        this.targetMark = twoHop ? new int[n + 1] : null;
        this.newEdgesStart = twoHop ? new int[graph.numInputs() + n + 1] : null;
    }

    /** The greedy order (deterministic). */
    public int[] run() {
        return run(null, 1, 0.0);
    }

    /**
     * A greedy order in which, with probability {@code randomness} per step, the vertex is drawn
     * uniformly from the {@code k} best candidates instead of taking the best.
     *
     * @param random the source of randomness ({@code null}: deterministic, same as {@link #run()})
     */
    public int[] run(SplittableRandom random, int k, double randomness) {
        state.reset();
        heap.clear();
        for (int v : eliminable) {
            rescore(v);
            heap.add(v);
        }
        int[] order = new int[eliminable.length];
        for (int step = 0; step < order.length; step++) {
            int v = random != null && k > 1 && random.nextDouble() < randomness ? pollAmongBest(random, k) : heap.poll();
            order[step] = v;
            eliminateAndRescore(v);
        }
        return order;
    }

    /** The cost of the last run's order in this selector's mode. */
    public long cost() {
        return state.cost();
    }

    private int pollAmongBest(SplittableRandom random, int k) {
        int m = Math.min(k, heap.size());
        if (picked.length < m) {
            picked = new int[m];
        }
        for (int i = 0; i < m; i++) {
            picked[i] = heap.poll();
        }
        int chosen = random.nextInt(m);
        for (int i = 0; i < m; i++) {
            if (i != chosen) {
                heap.add(picked[i]);
            }
        }
        return picked[chosen];
    }

    private void eliminateAndRescore(int v) {
        int[] preds = state.predIds(v);
        int[] succs = state.succIds(v);
        if (twoHop) {
            recordNewEdges(preds, succs);
        }
        state.eliminate(v);
        int count = 0;
        int g = nextGeneration();
        for (int p : preds) {
            count = mark(p, g, count);
        }
        for (int s : succs) {
            count = mark(s, g, count);
        }
        if (twoHop) {
            count = markTwoHop(preds, g, count);
        }
        for (int i = 0; i < count; i++) {
            int u = affected[i];
            rescore(u);
            heap.update(u);
        }
    }

    /**
     * Before eliminating a vertex with predecessors {@code preds} and successors {@code succs}:
     * records, for each predecessor, the successors it has no edge to yet (the fill-in edges).
     */
    private void recordNewEdges(int[] preds, int[] succs) {
        int size = 0;
        for (int i = 0; i < preds.length; i++) {
            newEdgesStart[i] = size;
            int g = nextTargetGeneration();
            for (int t : state.succIds(preds[i])) {
                targetMark[t] = g;
            }
            for (int s : succs) {
                if (targetMark[s] != g) {
                    if (size == newEdgeTargets.length) {
                        newEdgeTargets = java.util.Arrays.copyOf(newEdgeTargets, size * 2);
                    }
                    newEdgeTargets[size++] = s;
                }
            }
        }
        newEdgesStart[preds.length] = size;
    }

    /**
     * Marks the vertices whose fill-in a new edge p→s changed: those with p as predecessor and s as
     * successor. (Their own edges did not change, so the local marking misses them.)
     */
    private int markTwoHop(int[] preds, int g, int count) {
        for (int i = 0; i < preds.length; i++) {
            int from = newEdgesStart[i];
            int to = newEdgesStart[i + 1];
            if (from == to) {
                continue;
            }
            int tg = nextTargetGeneration();
            for (int k = from; k < to; k++) {
                targetMark[newEdgeTargets[k]] = tg;
            }
            for (int u : state.succIds(preds[i])) {
                if (affectedMark[u] == g || !heap.contains(u)) {
                    continue;
                }
                for (int t : state.succIds(u)) {
                    if (targetMark[t] == tg) {
                        count = mark(u, g, count);
                        break;
                    }
                }
            }
        }
        return count;
    }

    private int nextTargetGeneration() {
        if (targetGeneration == Integer.MAX_VALUE) {
            java.util.Arrays.fill(targetMark, 0);
            targetGeneration = 0;
        }
        return ++targetGeneration;
    }

    private int mark(int id, int g, int count) {
        if (id > 0 && affectedMark[id] != g && heap.contains(id)) {
            affectedMark[id] = g;
            affected[count++] = id;
        }
        return count;
    }

    private int nextGeneration() {
        if (affectedGeneration == Integer.MAX_VALUE) {
            java.util.Arrays.fill(affectedMark, 0);
            affectedGeneration = 0;
        }
        return ++affectedGeneration;
    }

    private void rescore(int v) {
        primary[v] = primaryCriterion.score(scorer, v);
        secondary[v] = secondaryCriterion == null ? 0 : secondaryCriterion.score(scorer, v);
    }
}
