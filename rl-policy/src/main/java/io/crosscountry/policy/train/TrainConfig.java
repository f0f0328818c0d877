package io.crosscountry.policy.train;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Everything a training run depends on, readable from and written as JSON ({@code crosscountry train
 * --config FILE}); the run directory keeps a copy so that a resumed run continues with the same
 * settings. Unknown keys are rejected, so a misspelt setting fails loudly.
 *
 * @param seed               the run's seed: graphs, Gumbel noise, initial weights and batches derive from it
 * @param minutes            wall-clock budget (the run stops after the iteration that passes it); 0: no limit
 * @param iterations         iterations (self-play then training); the run stops at whichever limit comes first
 * @param gamesPerIteration  self-play games per iteration, played together (their leaves evaluated in batches)
 * @param threads            self-play threads
 * @param simulations        Gumbel search simulations per move in self-play
 * @param considered         root actions sampled per move
 * @param minSize            smallest generated program (vertices)
 * @param maxSize            largest generated program (vertices; sizes are log-uniform in between)
 * @param loopShare          share of generated programs that are Java methods with loops (the rest straight-line)
 * @param paperShare         share of games counted in PAPER mode (the rest EFFECTIVE)
 * @param samplesEvery       every this many iterations, each optional extra graph (e.g. the samples) is played once too (0: never)
 * @param hidden             network width
 * @param layers             message-passing layers
 * @param replayCapacity     samples kept in the replay buffer
 * @param batchSize          states per training step
 * @param maxBatchNodes      largest node count padded into one training batch (states are bucketed by size)
 * @param trainStepsPerIteration Adam steps after each self-play round
 * @param learningRate       Adam's learning rate
 * @param valueWeight        weight of the value loss against the policy loss
 * @param evalEvery          evaluate on the held-out set every this many iterations
 * @param heldOut            held-out graphs (generated from seeds never used for training)
 * @param heldOutMaxSize     largest held-out graph
 * @param checkpointEvery    write a resumable checkpoint every this many iterations
 * @param rolloutMix         weight of min-Markowitz rollouts in the search's leaf values during self-play (0: the value head alone)
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record TrainConfig(long seed, double minutes, int iterations, int gamesPerIteration, int threads,
                          int simulations, int considered, int minSize, int maxSize, double loopShare, double paperShare,
                          int samplesEvery, int hidden, int layers, int replayCapacity, int batchSize, int maxBatchNodes,
                          int trainStepsPerIteration, double learningRate, double valueWeight, int evalEvery,
                          int heldOut, int heldOutMaxSize, int checkpointEvery, double rolloutMix) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public TrainConfig {
        if (iterations < 1 || gamesPerIteration < 1 || threads < 1 || simulations < 1 || considered < 1
                || minSize < 2 || maxSize < minSize || hidden < 1 || layers < 0 || replayCapacity < batchSize
                || batchSize < 1 || trainStepsPerIteration < 0 || evalEvery < 1 || heldOut < 1 || checkpointEvery < 1
                || maxBatchNodes < 16 || minutes < 0 || rolloutMix < 0 || rolloutMix > 1 || loopShare < 0 || loopShare > 1 || paperShare < 0 || paperShare > 1) {
            throw new IllegalArgumentException("invalid training configuration: " + this);
        }
    }

    /** The settings that produced the shipped model (see the README). */
    public static TrainConfig defaults() {
        return new TrainConfig(1L, 50.0, 100_000, 16, 2, 16, 8, 10, 160, 0.35, 0.25, 5, 32, 3,
                60_000, 64, 512, 24, 1e-3, 1.0, 10, 48, 400, 10, 0.5);
    }

    /** A tiny run for tests. */
    public static TrainConfig tiny() {
        return new TrainConfig(7L, 0.0, 3, 4, 1, 8, 4, 8, 24, 0.25, 0.25, 2, 16, 2,
                2_000, 16, 256, 4, 1e-3, 1.0, 2, 4, 40, 2, 0.5);
    }

    public static TrainConfig read(Path file) throws IOException {
        return JSON.readValue(Files.readString(file), TrainConfig.class);
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(this) + "\n");
    }

    public TrainConfig withMinutes(double m) {
        return new TrainConfig(seed, m, iterations, gamesPerIteration, threads, simulations, considered, minSize, maxSize,
                loopShare, paperShare, samplesEvery, hidden, layers, replayCapacity, batchSize, maxBatchNodes,
                trainStepsPerIteration, learningRate, valueWeight, evalEvery, heldOut, heldOutMaxSize, checkpointEvery, rolloutMix);
    }

    public TrainConfig withIterations(int n) {
        return new TrainConfig(seed, minutes, n, gamesPerIteration, threads, simulations, considered, minSize, maxSize,
                loopShare, paperShare, samplesEvery, hidden, layers, replayCapacity, batchSize, maxBatchNodes,
                trainStepsPerIteration, learningRate, valueWeight, evalEvery, heldOut, heldOutMaxSize, checkpointEvery, rolloutMix);
    }

    public TrainConfig withSeed(long s) {
        return new TrainConfig(s, minutes, iterations, gamesPerIteration, threads, simulations, considered, minSize, maxSize,
                loopShare, paperShare, samplesEvery, hidden, layers, replayCapacity, batchSize, maxBatchNodes,
                trainStepsPerIteration, learningRate, valueWeight, evalEvery, heldOut, heldOutMaxSize, checkpointEvery, rolloutMix);
    }
}
