package io.crosscountry.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.CompiledJacobian;
import io.crosscountry.CrossCountry;
import io.crosscountry.Order;
import io.crosscountry.analysis.Trace;
import io.crosscountry.codegen.CompiledPath;
import io.crosscountry.codegen.JacobianCompiler;
import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.Graph;
import io.crosscountry.samples.baselines.Baselines;
import io.crosscountry.samples.baselines.CentralDifferences;
import io.crosscountry.samples.baselines.DualNumbers;
import io.crosscountry.samples.baselines.JacobianMethod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Every sample's generated Jacobian, for forward, reverse, min-Markowitz and three other valid
 * orders: equal to forward-mode dual numbers (1e-12 relative) and to central differences (loose)
 * at random inputs near the example, and its elimination code performs exactly
 * {@code graph.cost(order, EFFECTIVE)} multiplications.
 */
class SampleJacobianTest {

    static Stream<String> samples() {
        return Samples.names().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void generated_jacobians_are_exact_for_every_order(String name) {
        Sample s = Samples.get(name);
        Trace trace = CrossCountry.trace(s.owner(), s.method(), s.args());
        Graph g = trace.graph();
        SplittableRandom random = new SplittableRandom(name.hashCode() * 31L + 7);
        Map<String, int[]> orders = new LinkedHashMap<>();
        orders.put("fwd", g.forwardOrder());
        orders.put("rev", g.reverseOrder());
        orders.put("markowitz", g.markowitzOrder());
        for (int i = 0; i < 3; i++) {
            orders.put("other" + i, otherOrder(g, random));
        }
        JacobianMethod duals = Baselines.create(DualNumbers.NAME, s);
        JacobianMethod differences = Baselines.create(CentralDifferences.NAME, s);
        for (Map.Entry<String, int[]> e : orders.entrySet()) {
            String what = name + " " + e.getKey();
            CompiledPath path = JacobianCompiler.compile(trace, e.getValue());
            assertEquals(g.cost(e.getValue(), CostMode.EFFECTIVE), eliminationDmuls(path), what + ": dmul count = EFFECTIVE cost");
            CompiledJacobian jacobian = CrossCountry.jacobian(s.owner(), s.method(), Order.of(e.getValue()), s.args());
            for (int trial = 0; trial < 2; trial++) {
                Object[] args = nearby(s.args(), random);
                double[] x = SamplePrimalTest.flatten(args);
                double[][] ours = jacobian.apply(args);
                double[][] exact = new double[g.numOutputs()][g.numInputs()];
                duals.jacobian(x, exact);
                double[][] approx = new double[g.numOutputs()][g.numInputs()];
                differences.jacobian(x, approx);
                compare(exact, ours, 1e-12, 1e-14, false, what + " vs dual numbers");
                if (!name.equals("f")) { // f's stop_gradient is invisible to differences of the original method
                    // rows whose function value is NaN (Simple's log of a negative number) have NaN differences
                    compare(approx, ours, 2e-4, 1e-6, true, what + " vs central differences");
                }
            }
        }
    }

    /**
     * Another valid order: a random permutation on small graphs; on large ones (where random
     * orders fill in quadratically) the min-Markowitz order with random adjacent swaps.
     */
    private static int[] otherOrder(Graph g, SplittableRandom random) {
        int[] order = g.eliminable().length <= 200 ? g.eliminable() : g.markowitzOrder();
        if (g.eliminable().length <= 200) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        } else {
            for (int k = 0; k < order.length / 4; k++) {
                int i = random.nextInt(order.length - 1);
                int t = order[i];
                order[i] = order[i + 1];
                order[i + 1] = t;
            }
        }
        return order;
    }

    /**
     * The example arguments with every double scaled by a random factor in [0.99, 1.01]: near the
     * example, so the samples stay inside their functions' domains (g's example keeps every pow
     * base, divisor and atanh argument away from the edges by a margin of this size).
     */
    private static Object[] nearby(Object[] args, SplittableRandom random) {
        Object[] r = args.clone();
        for (int i = 0; i < r.length; i++) {
            if (r[i] instanceof Double d) {
                r[i] = d * random.nextDouble(0.99, 1.01);
            } else if (r[i] instanceof double[] a) {
                double[] b = a.clone();
                for (int k = 0; k < b.length; k++) {
                    b[k] *= random.nextDouble(0.99, 1.01);
                }
                r[i] = b;
            } else if (r[i] instanceof double[][] a) {
                double[][] b = new double[a.length][];
                for (int k = 0; k < a.length; k++) {
                    b[k] = (double[]) nearby(new Object[] {a[k]}, random)[0];
                }
                r[i] = b;
            }
        }
        return r;
    }

    /**
     * Entry-wise comparison relative to the row's largest magnitude; NaN equals NaN, and with
     * {@code skipNaNExpected} entries whose expected value is NaN are not compared.
     */
    private static void compare(double[][] expected, double[][] actual, double relative, double absolute,
                                boolean skipNaNExpected, String what) {
        for (int i = 0; i < expected.length; i++) {
            double scale = 0;
            for (double v : expected[i]) {
                if (Double.isFinite(v)) {
                    scale = Math.max(scale, Math.abs(v));
                }
            }
            for (int k = 0; k < expected[i].length; k++) {
                double e = expected[i][k];
                double a = actual[i][k];
                if (skipNaNExpected && Double.isNaN(e)) {
                    continue;
                }
                if (Double.isNaN(e) || Double.isNaN(a)) {
                    assertTrue(Double.isNaN(e) && Double.isNaN(a), what + " [" + i + "][" + k + "]: " + e + " vs " + a);
                    continue;
                }
                assertEquals(e, a, relative * scale + absolute, what + " [" + i + "][" + k + "]");
            }
        }
    }

    private static long eliminationDmuls(CompiledPath path) {
        long n = 0;
        for (byte[] bytes : path.classFiles()) {
            ClassNode cn = new ClassNode();
            new ClassReader(bytes).accept(cn, 0);
            for (MethodNode m : cn.methods) {
                boolean elimination = m.name.startsWith("elim");      // a fused chunk's starts at its ifeq
                if (elimination || m.name.startsWith("fused")) {
                    for (AbstractInsnNode insn : m.instructions) {
                        elimination |= insn.getOpcode() == Opcodes.IFEQ;
                        if (elimination && insn.getOpcode() == Opcodes.DMUL) {
                            n++;
                        }
                    }
                }
            }
        }
        return n;
    }
}
