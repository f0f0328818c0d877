package io.crosscountry.policy.train;

import io.crosscountry.elimination.EliminationState;
import io.crosscountry.elimination.policy.GumbelConfig;
import io.crosscountry.elimination.policy.GumbelDriver;
import io.crosscountry.elimination.policy.GumbelTree;
import io.crosscountry.elimination.policy.Policies;
import io.crosscountry.policy.CostScale;
import io.crosscountry.policy.Features;
import io.crosscountry.policy.GraphInput;
import io.crosscountry.policy.NetworkPolicy;
import io.crosscountry.policy.PolicyNetwork;
import io.crosscountry.policy.PolicyWeights;
import io.crosscountry.policy.ValueTransform;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Self-play in this process: the games are split over threads; on each thread they advance in lock
 * step, one move at a time, and the leaves of all of them are evaluated in batches by the plain-Java
 * network ({@link GumbelDriver}). Each move's training target is the root's improved policy; each
 * state's value target is the cost actually paid from it to the end of its game.
 */
public final class LocalSelfPlay implements SelfPlayWorker {

    private final GumbelConfig search;
    private final double rolloutMix;
    private final ExecutorService pool;
    private final int threads;

    /**
     * @param rolloutMix the weight of min-Markowitz rollouts in the leaf values ({@link NetworkPolicy})
     */
    public LocalSelfPlay(GumbelConfig search, double rolloutMix, int threads) {
        this.search = search;
        this.rolloutMix = rolloutMix;
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "crosscountry-selfplay");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public List<GameRecord> play(List<TrainingGraph> graphs, PolicyWeights weights, long seed) {
        List<List<Integer>> shares = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < graphs.size(); i++) {
            shares.get(i % threads).add(i);
        }
        GameRecord[] out = new GameRecord[graphs.size()];
        List<Future<?>> futures = new ArrayList<>();
        for (List<Integer> share : shares) {
            if (share.isEmpty()) {
                continue;
            }
            futures.add(pool.submit(() -> {
                List<TrainingGraph> mine = new ArrayList<>();
                for (int i : share) {
                    mine.add(graphs.get(i));
                }
                List<GameRecord> records = playTogether(mine, new NetworkPolicy(new PolicyNetwork(weights), "self-play", rolloutMix, Policies.RolloutRule.MARKOWITZ_LOWEST), seed + share.get(0));
                for (int k = 0; k < share.size(); k++) {
                    out[share.get(k)] = records.get(k);
                }
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("self-play interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("self-play failed: " + e.getCause(), e.getCause());
        }
        return List.of(out);
    }

    /** Plays the games on this thread, in lock step. */
    List<GameRecord> playTogether(List<TrainingGraph> graphs, NetworkPolicy policy, long seed) {
        List<GumbelTree> trees = new ArrayList<>();
        List<List<GraphInput>> inputs = new ArrayList<>();
        List<List<float[]>> targets = new ArrayList<>();
        List<List<Long>> costsBefore = new ArrayList<>();
        for (int g = 0; g < graphs.size(); g++) {
            TrainingGraph tg = graphs.get(g);
            trees.add(new GumbelTree(new EliminationState(tg.graph(), tg.mode()), policy, search, seed * 31 + g));
            inputs.add(new ArrayList<>());
            targets.add(new ArrayList<>());
            costsBefore.add(new ArrayList<>());
        }
        List<GumbelTree> active = new ArrayList<>(trees);
        active.removeIf(GumbelTree::isComplete);
        while (!active.isEmpty()) {
            GumbelDriver.decideMoves(active, policy, () -> false);
            for (int g = 0; g < trees.size(); g++) {
                GumbelTree tree = trees.get(g);
                if (tree.isComplete()) {
                    continue;
                }
                int[] actions = tree.rootActions();
                if (actions.length > 1) {
                    GraphInput in = Features.encode(tree.state());
                    float[] improved = tree.improvedPolicy();
                    float[] target = new float[in.numNodes()];
                    int a = 0;
                    for (int i = 0; i < in.numNodes() && a < actions.length; i++) {
                        if (in.legal()[i]) {
                            if (in.vertexIds()[i] != actions[a]) {
                                throw new IllegalStateException("root actions and encoding disagree");
                            }
                            target[i] = improved[a++];
                        }
                    }
                    inputs.get(g).add(in);
                    targets.get(g).add(target);
                    costsBefore.get(g).add(tree.state().cost());
                }
                tree.commit(tree.decision());
            }
            active.removeIf(GumbelTree::isComplete);
        }
        List<GameRecord> records = new ArrayList<>();
        for (int g = 0; g < graphs.size(); g++) {
            TrainingGraph tg = graphs.get(g);
            GumbelTree tree = trees.get(g);
            long total = tree.state().cost();
            double scale = CostScale.of(tg.graph(), tg.mode());
            List<Sample> samples = new ArrayList<>();
            for (int k = 0; k < inputs.get(g).size(); k++) {
                double remaining = (total - costsBefore.get(g).get(k)) / scale;
                samples.add(new Sample(inputs.get(g).get(k), targets.get(g).get(k), (float) ValueTransform.forward(remaining)));
            }
            records.add(new GameRecord(tg, tree.committedOrder(), total, scale, tree.bestEpisode(), tree.bestEpisodeCost(), samples));
        }
        return records;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
