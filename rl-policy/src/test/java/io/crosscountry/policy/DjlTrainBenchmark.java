package io.crosscountry.policy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Time per {@link DjlPolicyModel#trainStep} for batches of 64 states, and native memory over many
 * steps (not a unit test; run its {@code main} with the test classpath). Arguments: feature count
 * (default 23), steps for the memory check (default 2000).
 */
public final class DjlTrainBenchmark {

    private DjlTrainBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int f = args.length > 0 ? Integer.parseInt(args[0]) : 23;
        int leakSteps = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        Random rnd = new Random(1);
        try (DjlPolicyModel model = new DjlPolicyModel(PolicyWeights.random(f, 48, 3, 5))) {
            for (int nodes : new int[] {50, 200}) {
                List<GraphInput> states = new ArrayList<>();
                List<float[]> targets = new ArrayList<>();
                for (int i = 0; i < 64; i++) {
                    GraphInput in = RandomGraphInputs.random(rnd, nodes - 5 + rnd.nextInt(11), f, 2);
                    states.add(in);
                    float[] t = new float[in.numNodes()];
                    int legal = in.numLegal();
                    for (int v = 0; v < t.length; v++) {
                        t[v] = in.legal()[v] ? 1f / legal : 0f;
                    }
                    targets.add(t);
                }
                float[] vt = new float[64];
                for (int i = 0; i < 5; i++) {
                    model.trainStep(states, targets, vt, 1f);
                }
                int steps = nodes <= 50 ? 40 : 15;
                double[] train = new double[steps];
                double[] fwd = new double[steps];
                for (int i = 0; i < steps; i++) {
                    long t0 = System.nanoTime();
                    model.trainStep(states, targets, vt, 1f);
                    long t1 = System.nanoTime();
                    model.forward(states);
                    train[i] = (t1 - t0) / 1e6;
                    fwd[i] = (System.nanoTime() - t1) / 1e6;
                }
                java.util.Arrays.sort(train);
                java.util.Arrays.sort(fwd);
                System.out.printf("batch 64 × ~%d nodes: trainStep min %.1f / median %.1f ms, forward min %.1f / median %.1f ms%n",
                        nodes, train[0], train[steps / 2], fwd[0], fwd[steps / 2]);
            }
            List<GraphInput> small = new ArrayList<>();
            List<float[]> targets = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                GraphInput in = RandomGraphInputs.random(rnd, 10 + rnd.nextInt(30), f, 2);
                small.add(in);
                float[] t = new float[in.numNodes()];
                for (int v = 0; v < t.length; v++) {
                    t[v] = in.legal()[v] ? 1f / in.numLegal() : 0f;
                }
                targets.add(t);
            }
            float[] vt = new float[16];
            for (int i = 0; i <= leakSteps; i++) {
                model.trainStep(small, targets, vt, 1f);
                if (i % 500 == 0) {
                    model.forward(small);
                    System.out.printf("step %5d  RSS %s  live model arrays %d%n", i, rss(), model.liveArrays());
                }
            }
        }
    }

    private static String rss() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS")) {
                return line.substring(6).trim();
            }
        }
        return "?";
    }
}
