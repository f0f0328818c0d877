package io.crosscountry.elimination.heuristics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.EliminationState;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.RandomGraphArbitraries;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The incremental greedy equals a naive greedy that rescores every remaining vertex from scratch
 * at every step (with scores computed here independently), and randomised runs are valid and
 * reproducible.
 */
class GreedySelectorTest {

    @Provide
    Arbitrary<RandomGraphArbitraries.Case> graphs() {
        return RandomGraphArbitraries.graphs();
    }

    @Property(tries = 400)
    void incremental_scores_equal_rescoring_everything(@ForAll("graphs") RandomGraphArbitraries.Case c) {
        Graph g = c.graph();
        for (CostMode mode : CostMode.values()) {
            for (GreedyHeuristic h : Heuristics.greedy()) {
                assertArrayEquals(naiveGreedy(h, g, mode), h.order(g, mode), h + " " + mode);
            }
        }
    }

    @Property(tries = 200)
    void randomised_runs_are_valid_priced_and_reproducible(@ForAll("graphs") RandomGraphArbitraries.Case c) {
        Graph g = c.graph();
        for (GreedyHeuristic h : Heuristics.greedy()) {
            GreedySelector s = h.selector(g, CostMode.EFFECTIVE);
            int[] first = s.run(new SplittableRandom(7), 3, 0.5);
            assertEquals(g.cost(first, CostMode.EFFECTIVE), s.cost());
            g.validate(first);
            assertArrayEquals(first, s.run(new SplittableRandom(7), 3, 0.5));
            assertArrayEquals(h.order(g, CostMode.EFFECTIVE), s.run(), "a reused selector starts afresh");
        }
    }

    static int[] naiveGreedy(GreedyHeuristic h, Graph g, CostMode mode) {
        EliminationState s = new EliminationState(g, mode);
        int[] order = new int[g.eliminable().length];
        boolean highest = h.ties() == TieBreak.HIGHEST_ID;
        for (int step = 0; step < order.length; step++) {
            int best = -1;
            long bestPrimary = 0;
            long bestSecondary = 0;
            for (int v : g.eliminable()) {
                if (s.isEliminated(v)) {
                    continue;
                }
                long p = score(h.primary(), s, g, v);
                long q = h.secondary().isPresent() ? score(h.secondary().get(), s, g, v) : 0;
                boolean better = best < 0 || p < bestPrimary || (p == bestPrimary && (q < bestSecondary || (q == bestSecondary && highest)));
                if (better) {
                    best = v;
                    bestPrimary = p;
                    bestSecondary = q;
                }
            }
            order[step] = best;
            s.eliminate(best);
        }
        return order;
    }

    private static long score(Criterion c, EliminationState s, Graph g, int v) {
        long in = s.inDegree(v);
        long out = s.outDegree(v);
        return switch (c) {
            case MARKOWITZ -> in * out;
            case MODE_COST -> s.eliminationCost(v);
            case OUT_DEGREE -> out;
            case IN_DEGREE -> in;
            case RELATIVE_MARKOWITZ -> in * out - (long) inputsReaching(g, v).size() * outputsReached(g, v).size();
            case FILL_IN -> fillIn(s, v);
            case EDGE_GROWTH -> in * out - out - (g.isOutput(v) ? 0 : in);
            case MODE_COST_EDGE_GROWTH -> s.eliminationCost(v) - out - (g.isOutput(v) ? 0 : in);
        };
    }

    private static long fillIn(EliminationState s, int v) {
        long fill = 0;
        for (int p : s.predIds(v)) {
            Set<Integer> existing = new HashSet<>();
            for (int t : s.succIds(p)) {
                existing.add(t);
            }
            for (int t : s.succIds(v)) {
                if (!existing.contains(t)) {
                    fill++;
                }
            }
        }
        return fill;
    }

    /** The inputs each vertex depends on, by id (ids are topological). */
    private static Set<Integer> inputsReaching(Graph g, int v) {
        List<Set<Integer>> sets = new ArrayList<>();
        sets.add(Set.of());
        for (int u = 1; u <= v; u++) {
            Set<Integer> r = new HashSet<>();
            for (int p : g.predIds(u)) {
                if (p < 0) {
                    r.add(p);
                } else {
                    r.addAll(sets.get(p));
                }
            }
            sets.add(r);
        }
        return sets.get(v);
    }

    /** The outputs that depend on each vertex, itself included. */
    private static Set<Integer> outputsReached(Graph g, int v) {
        int n = g.numVertices();
        List<Set<Integer>> sets = new ArrayList<>();
        for (int u = 0; u <= n; u++) {
            sets.add(new HashSet<>());
        }
        for (int u = n; u >= v; u--) {
            if (g.isOutput(u)) {
                sets.get(u).add(u);
            }
            for (int s : g.succIds(u)) {
                sets.get(u).addAll(sets.get(s));
            }
        }
        return sets.get(v);
    }
}
