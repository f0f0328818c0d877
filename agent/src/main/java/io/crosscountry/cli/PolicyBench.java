package io.crosscountry.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscountry.CrossCountry;
import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.policy.Policies;
import io.crosscountry.elimination.search.Annealing;
import io.crosscountry.elimination.search.MctsSearch;
import io.crosscountry.elimination.search.Search;
import io.crosscountry.elimination.search.SearchContext;
import io.crosscountry.policy.NetworkPolicy;
import io.crosscountry.policy.PolicyNetwork;
import io.crosscountry.policy.PolicyWeights;
import io.crosscountry.policy.train.GraphSource;
import io.crosscountry.policy.train.GreedyComparison;
import io.crosscountry.policy.train.TrainConfig;
import io.crosscountry.policy.train.TrainingGraph;
import io.crosscountry.samples.Sample;
import io.crosscountry.samples.parity.Published;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * {@code crosscountry bench --policy}: the shipped (or a given) network against the heuristics and
 * against search without it.
 * <ol>
 *   <li>Greedy policy (no search) on a generated test set never trained on (a seed stream of its
 *       own), in EFFECTIVE and PAPER mode: win rates and mean cost ratios against min-Markowitz,
 *       the best single Markowitz-family heuristic and the per-graph best heuristic.</li>
 *   <li>The same on the samples (per task).</li>
 *   <li>Search at equal time, one thread each: policy-guided tree search (and the same without
 *       polishing its best episodes) vs the same search with a uniform prior and the same rollout
 *       value (no network) vs simulated annealing, on
 *       the scalar paper tasks in both modes (with the published AlphaGrad counts in PAPER mode) and
 *       on part of the test set.</li>
 * </ol>
 */
final class PolicyBench {

    private final PolicyWeights weights;
    private final PrintWriter err;

    PolicyBench(PolicyWeights weights, PrintWriter err) {
        this.weights = weights;
        this.err = err;
    }

    /** The first {@code count} test graphs (modes as generated; callers set their own). */
    List<TrainingGraph> testGraphs(int count, int minSize, int maxSize) {
        return new GraphSource(TrainConfig.defaults()).testSet(count, minSize, maxSize);
    }

    /** Greedy comparison on the test set in one mode. */
    List<GreedyComparison.Row> greedyOnTestSet(int count, int minSize, int maxSize, CostMode mode) {
        GraphSource source = new GraphSource(TrainConfig.defaults());
        List<TrainingGraph> graphs = new ArrayList<>();
        for (TrainingGraph g : source.testSet(count, minSize, maxSize)) {
            graphs.add(new TrainingGraph(g.name().replaceAll("/(paper|effective)$", ""), g.graph(), mode));
        }
        return GreedyComparison.run(graphs, weights, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** Greedy comparison on the samples in one mode. */
    List<GreedyComparison.Row> greedyOnSamples(List<Sample> samples, CostMode mode) {
        NetworkPolicy policy = new NetworkPolicy(new PolicyNetwork(weights));
        List<GreedyComparison.Row> rows = new ArrayList<>();
        for (Sample s : samples) {
            Graph g = CrossCountry.graph(s.owner(), s.method(), s.args());
            rows.add(GreedyComparison.row(new TrainingGraph(s.name(), g, mode), policy));
        }
        return rows;
    }

    /** One search result. */
    record SearchRow(String task, String mode, long network, long networkNoPolish, long uniform, long anneal,
                     OptionalLong alphagrad, double seconds) {
    }

    /**
     * Policy-guided search (with and without polishing its best episodes), uniform-prior search
     * (polished) and annealing, {@code seconds} each on one thread.
     */
    SearchRow searchAtEqualTime(String task, Graph g, CostMode mode, double seconds, long seed) {
        MctsSearch mcts = new MctsSearch(() -> new NetworkPolicy(new PolicyNetwork(weights), "network",
                NetworkPolicy.DEFAULT_ROLLOUT_MIX, NetworkPolicy.DEFAULT_ROLLOUT), "mcts", 0);
        long network = run(mcts, g, mode, seconds, seed);
        long networkNoPolish = run(mcts.withoutPolish(), g, mode, seconds, seed);
        long uniform = run(new MctsSearch(() -> Policies.uniformWithRollout(NetworkPolicy.DEFAULT_ROLLOUT), "mcts-uniform", 0), g, mode, seconds, seed);
        long anneal = run(Annealing.timed(), g, mode, seconds, seed);
        OptionalLong ag = OptionalLong.empty();
        if (mode == CostMode.PAPER) {
            ag = Published.task(task).map(p -> p.count("alphagrad")).orElse(OptionalLong.empty());
        }
        return new SearchRow(task, mode.name().toLowerCase(Locale.ROOT), network, networkNoPolish, uniform, anneal, ag, seconds);
    }

    private static long run(Search search, Graph g, CostMode mode, double seconds, long seed) {
        SearchContext context = new SearchContext(g, mode, System.nanoTime() + (long) (seconds * 1e9), seed);
        search.run(context);
        if (context.bestOrder() == null) {
            throw new IllegalStateException(search.name() + " offered no order within " + seconds + " s");
        }
        return context.bestCost();
    }

    static String summaryLine(String what, GreedyComparison.Summary s) {
        return String.format(Locale.ROOT, "%-34s %4d graphs | vs min-Markowitz: ≤ on %5.1f %%, mean ratio %.3f | vs %s: ≤ on %5.1f %%, ratio %.3f"
                        + " | vs per-graph best heuristic: ≤ on %5.1f %%, ratio %.3f",
                what, s.graphs(), 100 * s.winVsMarkowitz(), s.ratioVsMarkowitz(), s.bestSingle(), 100 * s.winVsBestSingle(),
                s.ratioVsBestSingle(), 100 * s.winVsFamilyBest(), s.ratioVsFamilyBest());
    }

    static ObjectNode summaryJson(GreedyComparison.Summary s) {
        ObjectNode o = Json.object();
        o.put("graphs", s.graphs());
        o.put("win_rate_vs_markowitz", s.winVsMarkowitz());
        o.put("mean_ratio_vs_markowitz", s.ratioVsMarkowitz());
        o.put("best_single_heuristic", s.bestSingle());
        o.put("win_rate_vs_best_single", s.winVsBestSingle());
        o.put("mean_ratio_vs_best_single", s.ratioVsBestSingle());
        o.put("win_rate_vs_family_best", s.winVsFamilyBest());
        o.put("mean_ratio_vs_family_best", s.ratioVsFamilyBest());
        return o;
    }

    static ArrayNode rowsJson(List<GreedyComparison.Row> rows) {
        ArrayNode a = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (GreedyComparison.Row r : rows) {
            ObjectNode o = a.addObject();
            o.put("graph", r.name());
            o.put("mode", r.mode().name().toLowerCase(Locale.ROOT));
            o.put("vertices", r.vertices());
            o.put("policy", r.policy());
            o.put("markowitz", r.markowitz());
            o.put("family_best", r.familyBest());
        }
        return a;
    }

    static ObjectNode searchJson(SearchRow r) {
        ObjectNode o = Json.object();
        o.put("task", r.task());
        o.put("mode", r.mode());
        o.put("seconds", r.seconds());
        o.put("mcts_network", r.network());
        o.put("mcts_network_no_polish", r.networkNoPolish());
        o.put("mcts_uniform", r.uniform());
        o.put("anneal", r.anneal());
        if (r.alphagrad().isPresent()) {
            o.put("alphagrad_published", r.alphagrad().getAsLong());
        }
        return o;
    }

    /** Progress on stderr. */
    void note(String line) {
        err.println(line);
        err.flush();
    }

    static Supplier<PolicyWeights> shipped() {
        return () -> PolicyNetwork.defaultWeights().orElseThrow(() -> new IllegalStateException(
                "no pretrained model on the class path (" + PolicyNetwork.DEFAULT_RESOURCE + "); pass --model FILE.ccpn"));
    }
}
