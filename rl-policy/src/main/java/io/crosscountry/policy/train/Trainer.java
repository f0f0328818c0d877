package io.crosscountry.policy.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.policy.GumbelConfig;
import io.crosscountry.order.OrderFiles;
import io.crosscountry.order.SavedOrder;
import io.crosscountry.policy.PolicyWeights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * AlphaZero-style training: iterations of self-play (Gumbel search games on generated programs,
 * plus the optional extra graphs every few iterations) into a replay buffer, then gradient steps on
 * batches from it; evaluation on a fixed held-out set every few iterations; resumable checkpoints.
 *
 * <p>The run directory holds: {@code config.json} (the settings; a resumed run uses them),
 * {@code checkpoint/} (the learner's parameters and optimiser state, {@code replay.bin}, and
 * {@code state.json}: iteration, counters, elapsed time), {@code policy.ccpn} (the latest weights),
 * {@code best.ccpn} (the weights with the best held-out cost ratio against min-Markowitz),
 * {@code metrics.csv}/{@code metrics.json}/{@code curves.png}, and {@code orders/} — the cheapest
 * order found so far for every extra graph, written the moment it improves. Checkpoints replace the
 * previous one atomically (written beside it, then renamed), so a kill at any moment leaves a
 * complete checkpoint; a run started on an existing directory continues from it.
 *
 * <p>Deterministic for a seed: each iteration's graphs, search noise and batches derive from the
 * seed and the iteration number (the timing-dependent stop aside).
 */
public final class Trainer {

    /** Receives progress for display. */
    public interface Listener {
        /** After each iteration. */
        void iteration(Status status);

        /** A line worth printing (evaluations, checkpoints, resumes, new best orders). */
        void message(String line);
    }

    /**
     * Progress after an iteration.
     *
     * @param iteration      iterations done
     * @param minutes        training time so far (all sessions of the run)
     * @param games          games played
     * @param trainSteps     gradient steps taken
     * @param buffer         samples in the replay buffer
     * @param loss           the last iteration's mean loss (NaN before the first step)
     * @param selfPlayRatio  the last iteration's mean game cost / best baseline cost
     * @param lastHeldOut    the last held-out mean cost ratio against min-Markowitz (NaN before the first)
     */
    public record Status(int iteration, double minutes, long games, long trainSteps, int buffer, double loss,
                         double selfPlayRatio, double lastHeldOut) {
    }

    /** How the run ended. */
    public record Result(int iterations, double minutes, long games, long trainSteps, Path bestWeights, Path latestWeights,
                         GreedyComparison.Summary lastEvaluation) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final TrainConfig config;
    private final Path dir;
    private final List<TrainingGraph> extras;
    private final Function<PolicyWeights, Learner> newLearner;
    private final Function<Path, Learner> loadLearner;
    private final Listener listener;

    /**
     * @param config     settings (ignored in favour of the directory's {@code config.json} when resuming)
     * @param dir        the run directory (created if missing)
     * @param extras     graphs played every {@code samplesEvery} iterations besides the generated ones (e.g. the samples)
     * @param newLearner a learner starting from given weights
     * @param loadLearner a learner restored from a checkpoint directory
     */
    public Trainer(TrainConfig config, Path dir, List<TrainingGraph> extras, Function<PolicyWeights, Learner> newLearner,
                   Function<Path, Learner> loadLearner, Listener listener) {
        this.config = config;
        this.dir = dir;
        this.extras = List.copyOf(extras);
        this.newLearner = newLearner;
        this.loadLearner = loadLearner;
        this.listener = listener;
    }

    /** Trains until the iteration or time limit; resumes from the directory's checkpoint when there is one. */
    public Result run() throws IOException {
        Files.createDirectories(dir);
        Path checkpoint = dir.resolve("checkpoint");
        recoverInterruptedCheckpoint(checkpoint);
        boolean resume = Files.exists(checkpoint.resolve("state.json"));
        TrainConfig cfg = resume && Files.exists(dir.resolve("config.json")) ? TrainConfig.read(dir.resolve("config.json")) : config;
        if (resume && !cfg.equals(config.withMinutes(cfg.minutes()).withIterations(cfg.iterations()))) {
            listener.message("resuming with the run directory's config.json (the given settings differ and are ignored)");
        }
        if (resume) {
            // limits may be raised on resume
            cfg = cfg.withMinutes(config.minutes()).withIterations(config.iterations());
        }
        cfg.write(dir.resolve("config.json"));

        GraphSource source = new GraphSource(cfg);
        List<TrainingGraph> heldOut = source.heldOut();
        Set<String> heldOutPrints = new HashSet<>();
        for (TrainingGraph g : heldOut) {
            heldOutPrints.add(g.graph().fingerprint());
        }
        TrainingMetrics metrics = new TrainingMetrics(dir);
        Map<String, Long> bestCosts = readBestCosts();

        int iteration;
        long games;
        long steps;
        double minutesBefore;
        long nextGraph;
        double bestHeldOut;
        Learner learner;
        ReplayBuffer buffer;
        if (resume) {
            ObjectNode state = (ObjectNode) JSON.readTree(checkpoint.resolve("state.json").toFile());
            iteration = state.get("iteration").asInt();
            games = state.get("games").asLong();
            steps = state.get("train_steps").asLong();
            minutesBefore = state.get("minutes").asDouble();
            nextGraph = state.get("next_graph").asLong();
            bestHeldOut = state.get("best_heldout_ratio").asDouble();
            learner = loadLearner.apply(checkpoint.resolve("learner"));
            buffer = ReplayBuffer.load(checkpoint.resolve("replay.bin"), cfg.replayCapacity());
            metrics.truncateAfter(iteration);
            listener.message(String.format("resumed at iteration %d (%.1f min, %d games, %d steps, %d samples in the buffer)",
                    iteration, minutesBefore, games, steps, buffer.size()));
        } else {
            iteration = 0;
            games = 0;
            steps = 0;
            minutesBefore = 0;
            nextGraph = 0;
            bestHeldOut = Double.MAX_VALUE;
            learner = newLearner.apply(PolicyWeights.random(io.crosscountry.policy.Features.COUNT, cfg.hidden(), cfg.layers(), cfg.seed()));
            buffer = new ReplayBuffer(cfg.replayCapacity());
        }

        GumbelConfig search = GumbelConfig.selfPlay().withSimulations(cfg.simulations()).withConsidered(cfg.considered());
        long start = System.nanoTime();
        GreedyComparison.Summary last = null;
        double lastHeldOut = Double.NaN;
        try (learner; SelfPlayWorker worker = new LocalSelfPlay(search, cfg.rolloutMix(), cfg.threads())) {
            PolicyWeights weights = learner.export();
            while (iteration < cfg.iterations()) {
                double minutes = minutesBefore + (System.nanoTime() - start) / 6e10;
                if (cfg.minutes() > 0 && minutes >= cfg.minutes()) {
                    break;
                }
                iteration++;
                // self-play
                List<TrainingGraph> graphs = new ArrayList<>();
                while (graphs.size() < cfg.gamesPerIteration()) {
                    TrainingGraph g = source.training(nextGraph++);
                    if (!heldOutPrints.contains(g.graph().fingerprint())) {
                        graphs.add(g);
                    }
                }
                if (cfg.samplesEvery() > 0 && iteration % cfg.samplesEvery() == 0) {
                    graphs.addAll(extras);
                }
                List<GameRecord> records = worker.play(graphs, weights, GraphSource.mix(cfg.seed() ^ 0x5E1F, iteration));
                double ratioSum = 0;
                for (GameRecord r : records) {
                    r.samples().forEach(buffer::add);
                    ratioSum += r.cost() / r.scale();
                    saveIfBest(r, bestCosts);
                }
                games += records.size();
                // learning
                SplittableRandom batches = new SplittableRandom(GraphSource.mix(cfg.seed() ^ 0xBA7C, iteration));
                double lossSum = 0;
                double policySum = 0;
                double valueSum = 0;
                int taken = 0;
                for (int s = 0; s < cfg.trainStepsPerIteration() && buffer.size() >= Math.min(cfg.batchSize(), 8); s++) {
                    List<Sample> batch = buffer.batch(cfg.batchSize(), cfg.maxBatchNodes(), batches);
                    if (batch.isEmpty()) {
                        continue;
                    }
                    Learner.Loss loss = learner.step(batch, (float) cfg.valueWeight());
                    lossSum += loss.total();
                    policySum += loss.policy();
                    valueSum += loss.value();
                    taken++;
                }
                steps += taken;
                weights = learner.export();
                Files.createDirectories(dir);
                weights.write(dir.resolve("policy.ccpn"));
                minutes = minutesBefore + (System.nanoTime() - start) / 6e10;
                double loss = taken == 0 ? Double.NaN : lossSum / taken;
                listener.iteration(new Status(iteration, minutes, games, steps, buffer.size(), loss,
                        ratioSum / records.size(), lastHeldOut));

                boolean lastIteration = iteration >= cfg.iterations();
                if (iteration % cfg.evalEvery() == 0 || lastIteration) {
                    last = GreedyComparison.summarize(GreedyComparison.run(heldOut, weights, cfg.threads()));
                    lastHeldOut = last.ratioVsMarkowitz();
                    GreedyComparison.Summary onExtras = extras.isEmpty() ? null
                            : GreedyComparison.summarize(GreedyComparison.run(extras, weights, cfg.threads()));
                    metrics.add(new TrainingMetrics.Row(iteration, minutes, games, steps, buffer.size(), loss,
                            taken == 0 ? Double.NaN : policySum / taken, taken == 0 ? Double.NaN : valueSum / taken,
                            ratioSum / records.size(), last.winVsMarkowitz(), last.ratioVsMarkowitz(),
                            last.winVsBestSingle(), last.ratioVsBestSingle(), last.bestSingle(),
                            onExtras == null ? Double.NaN : onExtras.winVsMarkowitz(),
                            onExtras == null ? Double.NaN : onExtras.ratioVsMarkowitz()));
                    listener.message(String.format("iteration %d: held-out greedy policy vs min-Markowitz: wins %.0f %%, "
                                    + "mean cost ratio %.3f; vs %s: wins %.0f %%, ratio %.3f", iteration,
                            100 * last.winVsMarkowitz(), last.ratioVsMarkowitz(), last.bestSingle(), 100 * last.winVsBestSingle(),
                            last.ratioVsBestSingle())
                            + (onExtras == null ? "" : String.format("; samples vs min-Markowitz: wins %.0f %%, ratio %.3f",
                                    100 * onExtras.winVsMarkowitz(), onExtras.ratioVsMarkowitz())));
                    if (last.ratioVsMarkowitz() < bestHeldOut) {
                        bestHeldOut = last.ratioVsMarkowitz();
                        weights.write(dir.resolve("best.ccpn"));
                    }
                }
                if (iteration % cfg.checkpointEvery() == 0 || lastIteration) {
                    writeCheckpoint(checkpoint, learner, buffer, iteration, games, steps, minutes, nextGraph, bestHeldOut);
                }
            }
            double minutes = minutesBefore + (System.nanoTime() - start) / 6e10;
            writeCheckpoint(checkpoint, learner, buffer, iteration, games, steps, minutes, nextGraph, bestHeldOut);
            if (!Files.exists(dir.resolve("best.ccpn"))) {
                weights.write(dir.resolve("best.ccpn"));
            }
            return new Result(iteration, minutes, games, steps, dir.resolve("best.ccpn"), dir.resolve("policy.ccpn"), last);
        }
    }

    private void writeCheckpoint(Path checkpoint, Learner learner, ReplayBuffer buffer, int iteration, long games, long steps,
                                 double minutes, long nextGraph, double bestHeldOut) throws IOException {
        Path tmp = dir.resolve("checkpoint.tmp");
        Path old = dir.resolve("checkpoint.old");
        deleteRecursively(tmp);
        Files.createDirectories(tmp);
        learner.save(tmp.resolve("learner"));
        buffer.save(tmp.resolve("replay.bin"));
        ObjectNode state = JSON.createObjectNode();
        state.put("iteration", iteration);
        state.put("games", games);
        state.put("train_steps", steps);
        state.put("minutes", minutes);
        state.put("next_graph", nextGraph);
        state.put("best_heldout_ratio", bestHeldOut);
        Files.writeString(tmp.resolve("state.json"), JSON.writeValueAsString(state));
        deleteRecursively(old);
        if (Files.exists(checkpoint)) {
            Files.move(checkpoint, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(tmp, checkpoint, StandardCopyOption.ATOMIC_MOVE);
        deleteRecursively(old);
        listener.message("checkpoint at iteration " + iteration);
    }

    /** A kill between the two renames of {@link #writeCheckpoint} leaves only {@code checkpoint.old}: take it back. */
    private void recoverInterruptedCheckpoint(Path checkpoint) throws IOException {
        Path old = dir.resolve("checkpoint.old");
        if (!Files.exists(checkpoint) && Files.exists(old.resolve("state.json"))) {
            Files.move(old, checkpoint, StandardCopyOption.ATOMIC_MOVE);
        }
        deleteRecursively(dir.resolve("checkpoint.tmp"));
    }

    /** Saves a game's best order when it beats every earlier game on the same graph and mode (extras only: they are the named graphs). */
    private void saveIfBest(GameRecord r, Map<String, Long> bestCosts) throws IOException {
        if (!extras.contains(r.graph()) || r.best() == null) {
            return;
        }
        String key = fileName(r.graph());
        Long before = bestCosts.get(key);
        if (before != null && before <= r.bestCost()) {
            return;
        }
        bestCosts.put(key, r.bestCost());
        CostMode mode = r.graph().mode();
        Path file = dir.resolve("orders").resolve(key + ".json");
        Path tmp = dir.resolve("orders").resolve(key + ".json.tmp");
        OrderFiles.write(tmp, new SavedOrder(r.graph().graph().fingerprint(), r.graph().name(), mode.name().toLowerCase(),
                r.bestCost(), "self-play", r.best()));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        listener.message("new best order for " + r.graph().name() + " (" + mode.name().toLowerCase() + "): " + r.bestCost()
                + (before == null ? "" : " (was " + before + ")"));
    }

    private Map<String, Long> readBestCosts() {
        Map<String, Long> costs = new HashMap<>();
        Path orders = dir.resolve("orders");
        if (!Files.isDirectory(orders)) {
            return costs;
        }
        try (Stream<Path> files = Files.list(orders)) {
            files.filter(p -> p.toString().endsWith(".json")).forEach(p -> {
                SavedOrder o = OrderFiles.read(p);
                String name = p.getFileName().toString();
                costs.put(name.substring(0, name.length() - 5), o.cost());
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return costs;
    }

    private static String fileName(TrainingGraph g) {
        return g.name().replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + g.mode().name().toLowerCase();
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(q);
            }
        }
    }
}
