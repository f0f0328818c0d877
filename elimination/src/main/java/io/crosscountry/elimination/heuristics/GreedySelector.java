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
 * the scores of v's predecessors and successors (and, for two-hop criteria such as fill-in, of the
 * successors of v's predecessors), so a step costs time proportional to that neighbourhood times
 * log n, not a rescan of every vertex. The result is identical to rescoring everything each step.
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
            for (int p : preds) {
                for (int t : state.succIds(p)) {
                    count = mark(t, g, count);
                }
            }
        }
        for (int i = 0; i < count; i++) {
            int u = affected[i];
            rescore(u);
            heap.update(u);
        }
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
