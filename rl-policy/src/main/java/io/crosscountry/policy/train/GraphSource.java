package io.crosscountry.policy.train;

import io.crosscountry.codegen.RandomLoopPrograms;
import io.crosscountry.codegen.RandomPrograms;
import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.Graph;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The training and held-out programs: the random program generators the tests use — straight-line
 * programs over every supported operation ({@link RandomPrograms}) and Java methods with loops over
 * small arrays, traced from their bytecode ({@link RandomLoopPrograms}) — with sizes log-uniform in
 * a range. Training graphs come from seeds of one stream, held-out graphs from another, (the
 * trainer skips any training graph whose fingerprint equals a held-out one).
 */
public final class GraphSource {

    private static final long HELD_OUT_SALT = 0x9E3779B97F4A7C15L;
    private static final long TEST_SALT = 0x2545F4914F6CDD1DL;

    private final TrainConfig config;

    public GraphSource(TrainConfig config) {
        this.config = config;
    }

    /** The {@code index}-th training graph of the run. */
    public TrainingGraph training(long index) {
        return generate(mix(config.seed(), index), config.minSize(), config.maxSize(), "gen-" + index);
    }

    /** The fixed held-out set evaluated during training: {@code config.heldOut()} graphs up to {@code heldOutMaxSize} vertices. */
    public List<TrainingGraph> heldOut() {
        return heldOut(config.heldOut(), config.minSize(), config.heldOutMaxSize());
    }

    /**
     * A held-out set of {@code count} graphs, sizes log-uniform in [min, max], from the held-out seed
     * stream (disjoint from the training stream; the trainer also skips any training graph whose
     * fingerprint equals a held-out one).
     */
    public List<TrainingGraph> heldOut(int count, int minSize, int maxSize) {
        List<TrainingGraph> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(generate(mix(config.seed() ^ HELD_OUT_SALT, i), minSize, maxSize, "heldout-" + i));
        }
        return out;
    }

    /**
     * The test set of {@code crosscountry bench --policy}: a third seed stream, disjoint from the
     * training stream and from the held-out set the trainer selects its best weights on.
     */
    public List<TrainingGraph> testSet(int count, int minSize, int maxSize) {
        List<TrainingGraph> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(generate(mix(config.seed() ^ TEST_SALT, i), minSize, maxSize, "test-" + i));
        }
        return out;
    }

    private TrainingGraph generate(long seed, int minSize, int maxSize, String name) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int size = (int) Math.round(Math.exp(rnd.nextDouble(Math.log(minSize), Math.log(maxSize) + 1e-9)));
        CostMode mode = rnd.nextDouble() < config.paperShare() ? CostMode.PAPER : CostMode.EFFECTIVE;
        boolean loop = rnd.nextDouble() < config.loopShare();
        Graph g = loop ? RandomLoopPrograms.ofSize(rnd.nextLong(), size).graph() : RandomPrograms.generate(rnd.nextLong(), size).graph();
        if (g.eliminable().length == 0) {
            g = RandomPrograms.generate(rnd.nextLong(), Math.max(size, 4)).graph();
        }
        return new TrainingGraph(name + (loop ? "/loop" : "/line") + "/" + mode.name().toLowerCase(), g, mode);
    }

    static long mix(long seed, long index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
