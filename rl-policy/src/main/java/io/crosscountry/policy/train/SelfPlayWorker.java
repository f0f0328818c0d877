package io.crosscountry.policy.train;

import io.crosscountry.policy.PolicyWeights;
import java.util.List;

/**
 * Plays self-play games with given weights. The trainer talks to workers only through this
 * interface (graphs and weights in, game records out; all plain values), so workers can later run
 * in other processes or machines.
 */
public interface SelfPlayWorker extends AutoCloseable {

    /** Plays one game per graph with {@code weights}; {@code seed} fixes the search noise. */
    List<GameRecord> play(List<TrainingGraph> graphs, PolicyWeights weights, long seed);

    @Override
    default void close() {
    }
}
