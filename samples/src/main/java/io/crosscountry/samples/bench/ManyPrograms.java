package io.crosscountry.samples.bench;

import io.crosscountry.codegen.CompiledPath;
import io.crosscountry.codegen.JacobianCompiler;
import io.crosscountry.codegen.RandomPrograms;
import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.Graph;
import io.crosscountry.samples.baselines.DualNumbers;
import io.crosscountry.samples.baselines.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * {@code crosscountry bench --many}: compiles the Jacobians of many random programs (every
 * operation, random wiring, literals, float and StrictMath vertices, consumed outputs; 1–60
 * vertices) with the forward, reverse, min-Markowitz and a random order, and compares each with
 * forward-mode dual numbers (an independent implementation) and the generated {@code dmul} count
 * with the EFFECTIVE cost. The goal is zero mismatches.
 */
public final class ManyPrograms {

    /**
     * Relative tolerance against the dual numbers: of an entry's own size, of 1e-3 of its row's
     * largest, or of the sum of the absolute chain-rule products behind it, whichever is largest
     * (products that cancel leave rounding noise on their own scale).
     */
    static final double RELATIVE = 1e-12;

    /** The outcome: how many programs and Jacobians were checked, and the first failures. */
    public record Result(int programs, int jacobians, int mismatches, List<String> examples, double seconds) {
        public Result {
            examples = List.copyOf(examples);
        }
    }

    private ManyPrograms() {
    }

    /**
     * Checks {@code count} programs generated from seeds {@code seed, seed + 1, …}.
     *
     * @param progress called with the number of programs done after each program
     */
    public static Result run(int count, long seed, IntConsumer progress) {
        long start = System.nanoTime();
        int jacobians = 0;
        int mismatches = 0;
        List<String> examples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long s = seed + i;
            SplittableRandom random = new SplittableRandom(s * 0x9E3779B97F4A7C15L);
            RandomPrograms.Program p = RandomPrograms.generate(s, 1 + random.nextInt(60), true);
            Graph g = p.graph();
            DualNumbers duals = new DualNumbers(Program.compile(g));
            double[][] magnitude = new double[g.numOutputs()][g.numInputs()];
            duals.magnitudes(p.inputs(), magnitude);
            double[][] expected = new double[g.numOutputs()][g.numInputs()];
            duals.jacobian(p.inputs(), expected);
            double[] outputs = new double[g.numOutputs()];
            for (int r = 0; r < outputs.length; r++) {
                outputs[r] = duals.outputValue(r);
            }
            for (int[] order : List.of(g.forwardOrder(), g.reverseOrder(), g.markowitzOrder(), shuffled(g.eliminable(), random))) {
                jacobians++;
                Optional<String> problem = check(g, order, p.inputs(), expected, outputs, magnitude);
                if (problem.isPresent()) {
                    mismatches++;
                    if (examples.size() < 10) {
                        examples.add("seed " + s + ": " + problem.get());
                    }
                }
            }
            progress.accept(i + 1);
        }
        return new Result(count, jacobians, mismatches, examples, (System.nanoTime() - start) / 1e9);
    }

    private static Optional<String> check(Graph g, int[] order, double[] x, double[][] expected, double[] outputs,
            double[][] magnitude) {
        try {
            CompiledPath path = JacobianCompiler.compile(g, order);
            long cost = g.cost(order, CostMode.EFFECTIVE);
            if (path.eliminationMultiplications() != cost) {
                return Optional.of("dmul count " + path.eliminationMultiplications() + " != EFFECTIVE cost " + cost);
            }
            double[][] actual = new double[g.numOutputs()][g.numInputs()];
            if (!path.evaluate(x, path.newWorkArray(), actual)) {
                return Optional.of("a guard failed on a program without branches");
            }
            return JacobianCheck.compare(expected, actual, outputs, RELATIVE, 1e-3, 1e-14, null, magnitude);
        } catch (RuntimeException e) {
            return Optional.of("failed to compile or run: " + e);
        }
    }

    private static int[] shuffled(int[] ids, SplittableRandom random) {
        int[] a = ids.clone();
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
