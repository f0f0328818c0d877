package io.crosscountry.policy;

import java.util.Random;

/**
 * Throughput of {@link PolicyNetwork} on one thread (not a unit test; run its {@code main} with the
 * test classpath). Arguments: feature count (default 23), then node counts (default 30 100 500). Reports
 * wall-clock throughput and throughput per second of this thread's CPU time (robust to other load).
 */
public final class PolicyBenchmark {

    private PolicyBenchmark() {
    }

    public static void main(String[] args) {
        int f = args.length > 0 ? Integer.parseInt(args[0]) : 23;
        int[] sizes = {30, 100, 500};
        if (args.length > 1) {
            sizes = new int[args.length - 1];
            for (int i = 1; i < args.length; i++) {
                sizes[i - 1] = Integer.parseInt(args[i]);
            }
        }
        Random rnd = new Random(1);
        PolicyNetwork net = new PolicyNetwork(PolicyWeights.random(f, 48, 3, 7));
        for (int n : sizes) {
            GraphInput[] inputs = new GraphInput[8];
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = RandomGraphInputs.random(rnd, n, f, 2);
            }
            float[] logits = new float[n];
            double sink = 0;
            long warm = System.nanoTime() + 2_000_000_000L;
            while (System.nanoTime() < warm) {
                for (GraphInput in : inputs) {
                    sink += net.evaluateInto(in, logits);
                }
            }
            int count = 0;
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            long end = t0 + 2_000_000_000L;
            long now;
            do {
                for (GraphInput in : inputs) {
                    sink += net.evaluateInto(in, logits);
                }
                count += inputs.length;
                now = System.nanoTime();
            } while (now < end);
            double perSec = count / ((now - t0) / 1e9);
            double perCpuSec = count / ((mx.getCurrentThreadCpuTime() - c0) / 1e9);
            System.out.printf("n=%4d  edges=%5d  %.0f evaluations/s wall (%.1f us each), %.0f per CPU-second  [%s]%n", n,
                    inputs[0].predIndex().length, perSec, 1e6 / perSec, perCpuSec, sink == 42 ? "" : "ok");
        }
    }
}
