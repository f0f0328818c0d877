package io.crosscountry.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DJL model against the plain-Java network, training, and checkpoints. */
class DjlPolicyModelTest {

    private static final float TOL = 1e-4f;

    private static List<GraphInput> randomStates(Random rnd, int count, int f, int maxNodes) {
        List<GraphInput> states = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            states.add(RandomGraphInputs.random(rnd, 1 + rnd.nextInt(maxNodes), f, 1 + rnd.nextInt(3)));
        }
        return states;
    }

    /** Max relative error of the DJL forward pass against PolicyNetwork over legal logits and values. */
    private static double compare(DjlPolicyModel model, PolicyNetwork net, List<GraphInput> states) {
        DjlPolicyModel.Forward fwd = model.forward(states);
        double worst = 0;
        for (int s = 0; s < states.size(); s++) {
            GraphInput in = states.get(s);
            PolicyNetwork.Output out = net.evaluate(in);
            float[] djlLogits = fwd.logits().get(s);
            float[] djlLs = fwd.logSoftmax().get(s);
            float[] ls = PolicyNetwork.logSoftmax(out, in);
            assertEquals(in.numNodes(), djlLogits.length);
            for (int v = 0; v < in.numNodes(); v++) {
                if (in.legal()[v]) {
                    worst = Math.max(worst, rel(djlLogits[v], out.logits()[v]));
                    worst = Math.max(worst, rel(djlLs[v], ls[v]));
                } else {
                    assertEquals(Float.NEGATIVE_INFINITY, djlLogits[v]);
                    assertEquals(Float.NEGATIVE_INFINITY, out.logits()[v]);
                }
            }
            worst = Math.max(worst, rel(fwd.values()[s], out.value()));
        }
        return worst;
    }

    private static double rel(float a, float b) {
        return Math.abs(a - b) / Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
    }

    private static List<float[]> targets(Random rnd, List<GraphInput> states) {
        List<float[]> t = new ArrayList<>();
        for (GraphInput in : states) {
            float[] p = new float[in.numNodes()];
            double sum = 0;
            for (int v = 0; v < p.length; v++) {
                if (in.legal()[v]) {
                    p[v] = (float) Math.pow(rnd.nextDouble(), 3);
                    sum += p[v];
                }
            }
            for (int v = 0; v < p.length; v++) {
                p[v] /= (float) sum;
            }
            t.add(p);
        }
        return t;
    }

    private static float[] values(Random rnd, int count) {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return v;
    }

    @Test
    void forwardEqualsPlainJavaNetworkBeforeAndAfterTraining() {
        Random rnd = new Random(21);
        double worst = 0;
        int[][] dims = {{9, 48, 3, 48}, {5, 16, 2, 24}, {3, 8, 0, 8}, {12, 20, 1, 10}};
        for (int[] d : dims) {
            PolicyWeights w = RandomGraphInputs.randomDense(rnd, d[0], d[1], d[2], d[3]);
            List<GraphInput> states = randomStates(rnd, 24, d[0], 60);
            states.add(RandomGraphInputs.random(rnd, 1, d[0], 1));
            try (DjlPolicyModel model = new DjlPolicyModel(w)) {
                assertEquals(w, model.export());
                worst = Math.max(worst, compare(model, new PolicyNetwork(w), states));
                model.setLearningRate(3e-3f);
                for (int i = 0; i < 3; i++) {
                    List<GraphInput> batch = states.subList(8 * i, 8 * i + 8);
                    model.trainStep(batch, targets(rnd, batch), values(rnd, batch.size()), 0.5f);
                }
                PolicyWeights trained = model.export();
                assertTrue(!trained.equals(w));
                worst = Math.max(worst, compare(model, new PolicyNetwork(trained), states));
                // the exported weights survive a CCPN round trip
                assertEquals(trained, PolicyWeights.fromBytes(trained.toBytes(), "memory"));
            }
        }
        System.out.println("max relative error DJL vs PolicyNetwork: " + worst);
        assertTrue(worst < TOL, "max relative error " + worst);
    }

    @Test
    void trainingOverfitsASmallBatch() {
        Random rnd = new Random(22);
        List<GraphInput> states = randomStates(rnd, 8, 6, 20);
        List<float[]> pt = targets(rnd, states);
        float[] vt = values(rnd, states.size());
        try (DjlPolicyModel model = new DjlPolicyModel(PolicyWeights.random(6, 32, 2, 5))) {
            model.setLearningRate(1e-2f);
            DjlPolicyModel.TrainLoss first = model.step(states, pt, vt, 1f);
            DjlPolicyModel.TrainLoss last = first;
            for (int i = 0; i < 60; i++) {
                last = model.step(states, pt, vt, 1f);
            }
            assertEquals(61, model.steps());
            assertEquals(last, model.lastLoss());
            assertEquals(last.policy() + last.value(), last.total(), 1e-9);
            // the policy cross-entropy is bounded below by the targets' entropy: compare the KL divergence
            double entropy = 0;
            for (float[] t : pt) {
                for (float x : t) {
                    entropy -= x > 0 ? x * Math.log(x) : 0;
                }
            }
            entropy /= pt.size();
            double klFirst = first.policy() - entropy;
            double klLast = last.policy() - entropy;
            System.out.println("overfit: KL " + klFirst + " -> " + klLast + ", value MSE " + first.value() + " -> " + last.value());
            assertTrue(klLast >= -1e-4 && klLast < 0.25 * klFirst, "KL " + klFirst + " -> " + klLast);
            assertTrue(last.value() < 0.1 * first.value(), first + " -> " + last);
        }
    }

    @Test
    void checkpointRestoresWeightsAndOptimizerState(@TempDir Path dir) throws IOException {
        Random rnd = new Random(23);
        List<GraphInput> states = randomStates(rnd, 6, 4, 15);
        List<float[]> pt = targets(rnd, states);
        float[] vt = values(rnd, states.size());
        try (DjlPolicyModel model = new DjlPolicyModel(RandomGraphInputs.randomDense(rnd, 4, 12, 2, 9))) {
            model.setLearningRate(5e-3f);
            model.setWeightDecay(1e-3f);
            for (int i = 0; i < 3; i++) {
                model.trainStep(states, pt, vt, 1f);
            }
            model.save(dir);
            try (DjlPolicyModel loaded = DjlPolicyModel.load(dir)) {
                assertEquals(model.export(), loaded.export());
                assertEquals(3, loaded.steps());
                assertEquals(5e-3f, loaded.learningRate());
                assertEquals(1e-3f, loaded.weightDecay());
                DjlPolicyModel.Forward a = model.forward(states);
                DjlPolicyModel.Forward b = loaded.forward(states);
                assertArrayEquals(a.values(), b.values());
                for (int s = 0; s < states.size(); s++) {
                    assertArrayEquals(a.logits().get(s), b.logits().get(s));
                }
                // same Adam state: the next step is identical
                double la = model.trainStep(states, pt, vt, 1f);
                double lb = loaded.trainStep(states, pt, vt, 1f);
                assertEquals(la, lb);
                assertEquals(model.export(), loaded.export());
            }
        }
    }

    @Test
    void damagedCheckpointIsReported(@TempDir Path dir) throws IOException {
        try (DjlPolicyModel model = new DjlPolicyModel(PolicyWeights.random(3, 8, 1, 1))) {
            model.save(dir);
        }
        Path params = dir.resolve("parameters.ndlist");
        byte[] good = Files.readAllBytes(params);
        Files.write(params, java.util.Arrays.copyOf(good, good.length / 2));
        assertThrows(ModelFormatException.class, () -> DjlPolicyModel.load(dir));
        Files.write(params, good);
        Files.writeString(dir.resolve("model.properties"), "format=crosscountry-djl-policy\nversion=1\nF=3\nH=9\nL=1\nP=8\n");
        assertThrows(ModelFormatException.class, () -> DjlPolicyModel.load(dir));
        Files.delete(dir.resolve("model.properties"));
        assertThrows(ModelFormatException.class, () -> DjlPolicyModel.load(dir));
    }

    /** Every step closes what it creates: only the parameters and the two Adam moments stay alive. */
    @Test
    void stepsDoNotLeakNativeArrays() {
        Random rnd = new Random(25);
        List<GraphInput> states = randomStates(rnd, 4, 3, 10);
        List<float[]> pt = targets(rnd, states);
        float[] vt = values(rnd, states.size());
        PolicyWeights w = PolicyWeights.random(3, 8, 1, 1);
        try (DjlPolicyModel model = new DjlPolicyModel(w)) {
            int expected = 3 * w.specs().size();
            assertEquals(expected, model.liveArrays());
            for (int i = 0; i < 200; i++) {
                model.trainStep(states, pt, vt, 1f);
                if (i % 50 == 0) {
                    model.forward(states);
                }
            }
            assertEquals(expected, model.liveArrays());
        }
    }

    @Test
    void rejectsInconsistentArguments() {
        Random rnd = new Random(24);
        try (DjlPolicyModel model = new DjlPolicyModel(PolicyWeights.random(4, 8, 1, 1))) {
            List<GraphInput> states = randomStates(rnd, 2, 4, 5);
            assertThrows(IllegalArgumentException.class, () -> model.trainStep(states, targets(rnd, states), new float[1], 1f));
            assertThrows(IllegalArgumentException.class, () -> model.forward(randomStates(rnd, 2, 5, 5)));
            assertThrows(IllegalArgumentException.class, () -> model.forward(List.of()));
        }
    }

    /** The same on encoded states of generated programs (real graphs, mid-elimination), with the shipped sizes. */
    @Test
    void forwardEqualsPlainJavaOnEncodedProgramStates() {
        Random rnd = new Random(17);
        List<GraphInput> states = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            io.crosscountry.elimination.Graph g = io.crosscountry.codegen.RandomPrograms.generate(rnd.nextLong(), 5 + rnd.nextInt(80)).graph();
            io.crosscountry.elimination.EliminationState st = new io.crosscountry.elimination.EliminationState(g,
                    rnd.nextBoolean() ? io.crosscountry.elimination.CostMode.PAPER : io.crosscountry.elimination.CostMode.EFFECTIVE);
            int steps = st.numRemaining() == 0 ? 0 : rnd.nextInt(st.numRemaining());
            for (int k = 0; k < steps; k++) {
                st.eliminate(st.remainingAt(rnd.nextInt(st.numRemaining())));
            }
            if (st.numRemaining() > 0) {
                states.add(Features.encode(st));
            }
        }
        PolicyWeights w = PolicyWeights.random(Features.COUNT, 32, 3, 5);
        try (DjlPolicyModel model = new DjlPolicyModel(w)) {
            assertTrue(compare(model, new PolicyNetwork(w), states) < TOL);
        }
    }
}
