package io.crosscountry.policy.train;

import io.crosscountry.policy.PolicyWeights;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** What the trainer needs from the network library: gradient steps, export of the weights, checkpoints. */
public interface Learner extends AutoCloseable {

    /** The losses of one step. */
    record Loss(double policy, double value, double total) {
    }

    /** One optimiser step on {@code batch}: cross-entropy to the policy targets plus {@code valueWeight} · squared value error. */
    Loss step(List<Sample> batch, float valueWeight);

    /** The current weights in the plain-Java format. */
    PolicyWeights export();

    /** Writes a resumable checkpoint (parameters and optimiser state) into {@code dir}. */
    void save(Path dir) throws IOException;

    @Override
    void close();
}
