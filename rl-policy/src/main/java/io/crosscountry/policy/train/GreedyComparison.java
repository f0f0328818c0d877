package io.crosscountry.policy.train;

import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.EliminationState;
import io.crosscountry.elimination.heuristics.GreedyHeuristic;
import io.crosscountry.elimination.heuristics.Heuristics;
import io.crosscountry.elimination.policy.GumbelDriver;
import io.crosscountry.policy.NetworkPolicy;
import io.crosscountry.policy.PolicyNetwork;
import io.crosscountry.policy.PolicyWeights;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The greedy policy (no search) against the Markowitz family on a set of graphs: per graph the
 * policy's cost, min-Markowitz's (ties to the lowest id, the paper's baseline) and every greedy
 * heuristic's; summarised as win rates (policy ≤ baseline) and mean cost ratios (policy / baseline).
 *
 * <p>"The best single Markowitz-family heuristic" is the one greedy heuristic with the lowest mean
 * cost relative to min-Markowitz over the whole set (one heuristic for all graphs, as a user would
 * pick one); "family best" is the cheapest heuristic per graph (a stronger, per-graph oracle).
 * Ratios with a zero-cost baseline count 1 when the policy is also free, else policy + 1.
 */
public final class GreedyComparison {

    /** One graph's costs. */
    public record Row(String name, CostMode mode, int vertices, long policy, long markowitz, Map<String, Long> family) {

        /** The cheapest greedy heuristic's cost on this graph. */
        public long familyBest() {
            return family.values().stream().mapToLong(Long::longValue).min().orElse(markowitz);
        }
    }

    /**
     * The summary over a set.
     *
     * @param graphs               graphs compared
     * @param winVsMarkowitz       share of graphs where the policy costs at most min-Markowitz
     * @param ratioVsMarkowitz     mean of policy / min-Markowitz
     * @param bestSingle           the best single Markowitz-family heuristic on this set
     * @param winVsBestSingle      share where the policy costs at most that heuristic
     * @param ratioVsBestSingle    mean of policy / that heuristic
     * @param winVsFamilyBest      share where the policy costs at most the cheapest heuristic of the graph
     * @param ratioVsFamilyBest    mean of policy / the cheapest heuristic of the graph
     */
    public record Summary(int graphs, double winVsMarkowitz, double ratioVsMarkowitz, String bestSingle,
                          double winVsBestSingle, double ratioVsBestSingle, double winVsFamilyBest, double ratioVsFamilyBest) {
    }

    private GreedyComparison() {
    }

    /** Plays the policy greedily and runs the heuristics on every graph, on {@code threads} threads. */
    public static List<Row> run(List<TrainingGraph> graphs, PolicyWeights weights, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "crosscountry-eval");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Row>> futures = new ArrayList<>();
            ThreadLocal<NetworkPolicy> policy = ThreadLocal.withInitial(() -> new NetworkPolicy(new PolicyNetwork(weights)));
            for (TrainingGraph g : graphs) {
                futures.add(pool.submit(() -> row(g, policy.get())));
            }
            List<Row> rows = new ArrayList<>();
            for (Future<Row> f : futures) {
                rows.add(f.get());
            }
            return rows;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("evaluation failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One graph: the policy's greedy cost and every greedy heuristic's. */
    public static Row row(TrainingGraph g, NetworkPolicy policy) {
        EliminationState state = new EliminationState(g.graph(), g.mode());
        int[] order = GumbelDriver.greedy(state, policy);
        long cost = g.graph().cost(order, g.mode());
        if (cost != state.cost()) {
            throw new IllegalStateException("engine and cost model disagree on " + g.name());
        }
        Map<String, Long> family = new LinkedHashMap<>();
        for (GreedyHeuristic h : Heuristics.greedy()) {
            family.put(h.name(), Heuristics.evaluate(h, g.graph(), g.mode()).cost());
        }
        long markowitz = family.get(Heuristics.MARKOWITZ_LOWEST.name());
        return new Row(g.name(), g.mode(), g.graph().numVertices(), cost, markowitz, family);
    }

    /** Win rates and mean ratios of {@code rows}. */
    public static Summary summarize(List<Row> rows) {
        if (rows.isEmpty()) {
            return new Summary(0, 0, 0, "-", 0, 0, 0, 0);
        }
        String bestSingle = null;
        double bestMean = Double.MAX_VALUE;
        for (String h : rows.get(0).family().keySet()) {
            double mean = rows.stream().mapToDouble(r -> ratio(r.family().get(h), r.markowitz())).average().orElse(1);
            if (mean < bestMean) {
                bestMean = mean;
                bestSingle = h;
            }
        }
        String single = bestSingle;
        int n = rows.size();
        return new Summary(n,
                rows.stream().filter(r -> r.policy() <= r.markowitz()).count() / (double) n,
                rows.stream().mapToDouble(r -> ratio(r.policy(), r.markowitz())).average().orElse(1),
                single,
                rows.stream().filter(r -> r.policy() <= r.family().get(single)).count() / (double) n,
                rows.stream().mapToDouble(r -> ratio(r.policy(), r.family().get(single))).average().orElse(1),
                rows.stream().filter(r -> r.policy() <= r.familyBest()).count() / (double) n,
                rows.stream().mapToDouble(r -> ratio(r.policy(), r.familyBest())).average().orElse(1));
    }

    /** a / b, with b = 0 counted as 1 when a = 0 and a + 1 otherwise. */
    public static double ratio(long a, long b) {
        if (b == 0) {
            return a == 0 ? 1.0 : a + 1.0;
        }
        return a / (double) b;
    }
}
