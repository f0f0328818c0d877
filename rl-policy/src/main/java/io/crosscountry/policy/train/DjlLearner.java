package io.crosscountry.policy.train;

import io.crosscountry.policy.DjlPolicyModel;
import io.crosscountry.policy.GraphInput;
import io.crosscountry.policy.PolicyWeights;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The trainer's {@link Learner} on DJL (PyTorch engine, CPU): Adam steps on {@link DjlPolicyModel}. */
public final class DjlLearner implements Learner {

    private final DjlPolicyModel model;

    /** A learner starting from {@code weights} with Adam at {@code learningRate}. */
    public DjlLearner(PolicyWeights weights, double learningRate) {
        this(new DjlPolicyModel(weights), learningRate);
    }

    private DjlLearner(DjlPolicyModel model, double learningRate) {
        this.model = model;
        model.setLearningRate((float) learningRate);
    }

    /** A learner restored from a checkpoint written by {@link #save}. */
    public static DjlLearner load(Path dir, double learningRate) {
        return new DjlLearner(DjlPolicyModel.load(dir), learningRate);
    }

    @Override
    public Loss step(List<Sample> batch, float valueWeight) {
        List<GraphInput> states = new ArrayList<>(batch.size());
        List<float[]> targets = new ArrayList<>(batch.size());
        float[] values = new float[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            Sample s = batch.get(i);
            states.add(s.input());
            targets.add(s.policyTarget());
            values[i] = s.valueTarget();
        }
        DjlPolicyModel.TrainLoss l = model.step(states, targets, values, valueWeight);
        return new Loss(l.policy(), l.value(), l.total());
    }

    @Override
    public PolicyWeights export() {
        return model.export();
    }

    @Override
    public void save(Path dir) throws IOException {
        model.save(dir);
    }

    @Override
    public void close() {
        model.close();
    }
}
