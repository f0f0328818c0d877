package io.crosscountry.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.analysis.OpValues;
import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.Op;
import io.crosscountry.elimination.Operand;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Large graphs: split into methods under HotSpot's 8,000-byte limit and classes under the pool limit. */
class ChunkingTest {

    /** A random program of {@code n} vertices whose values stay in a few units; many distinct literals. */
    static Graph.Builder bigProgram(int n, int inputs, long seed, double[] x) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int k = 0; k < inputs; k++) {
            x[k] = rnd.nextDouble(-1, 1);
        }
        Graph.Builder b = Graph.builder(inputs);
        List<Double> values = new ArrayList<>();
        for (int v = 1; v <= n; v++) {
            int total = inputs + values.size();
            Operand a = ref(Math.max(0, total - 1 - rnd.nextInt(Math.min(total, 6))), inputs);
            Operand c = ref(rnd.nextInt(total), inputs);
            double va = value(a, x, values);
            double vc = value(c, x, values);
            Op op;
            Operand[] args;
            if (Math.abs(va) > 3) {
                op = Op.TANH;
                args = new Operand[] {a};
            } else {
                switch (rnd.nextInt(9)) {
                    case 0 -> { op = Op.SIN; args = new Operand[] {a}; }
                    case 1 -> { op = Op.TANH; args = new Operand[] {a}; }
                    case 2 -> { op = Op.LOGISTIC; args = new Operand[] {a}; }
                    case 3 -> { op = Op.MUL; args = new Operand[] {a, Operand.literal(rnd.nextDouble(-1.5, 1.5))}; }
                    case 4 -> { op = Op.ADD; args = new Operand[] {a, Operand.literal(rnd.nextDouble(-1, 1))}; }
                    case 5 -> { op = Op.SUB; args = new Operand[] {a, c}; }
                    case 6 -> { op = Op.ADD; args = new Operand[] {a, c}; }
                    case 7 -> { op = Op.DIV; args = new Operand[] {a, Operand.literal(rnd.nextDouble(1, 3))}; }
                    default -> { op = Op.MUL; args = new Operand[] {a, c}; }
                }
            }
            double r = OpValues.apply(op, false, value(args[0], x, values), args.length > 1 ? value(args[1], x, values) : 0);
            b.add(op, args);
            values.add(r);
        }
        return b;
    }

    private static Operand ref(int i, int inputs) {
        return i < inputs ? Operand.input(i) : Operand.vertex(i - inputs + 1);
    }

    private static double value(Operand o, double[] x, List<Double> values) {
        return o.isLiteral() ? o.literal() : o.isInput() ? x[o.inputIndex()] : values.get(o.ref() - 1);
    }

    @Test
    void twentyThousandVerticesCompileWithinTheLimits() {
        int n = 20_000;
        double[] x = new double[40];
        Graph.Builder b = bigProgram(n, x.length, 42, x);
        SplittableRandom rnd = new SplittableRandom(7);
        Set<Integer> outs = new LinkedHashSet<>();
        while (outs.size() < 30) {
            outs.add(n / 2 + rnd.nextInt(n / 2));
        }
        outs.add(n);
        Graph g = b.outputs(outs.stream().mapToInt(Integer::intValue).toArray()).build();
        DualNumbers.Result ref = DualNumbers.jacobian(g, x);
        int[] order = g.reverseOrder();                    // forward mode: 700k statements, slow to verify
        CompiledPath path = JacobianCompiler.compile(g, order);
        int largest = ClassFiles.assertMethodsAtMost(path, 8000);
        assertTrue(largest > 1000, "chunks should be of some size: " + largest);
        assertTrue(path.classFiles().size() >= 2, "forward and elimination classes");
        ClassFiles.verify(path);
        long effective = g.cost(order, CostMode.EFFECTIVE);
        assertEquals(effective, ClassFiles.eliminationDmuls(path));
        assertEquals(effective, path.eliminationMultiplications());
        double[][] j = JacobianCompilerTest.filled(g.numOutputs(), g.numInputs(), Double.NaN);
        assertTrue(path.evaluate(x, path.newWorkArray(), j));
        Check.assertMatchesDuals(j, ref, "20,000 vertices");
    }

    /** More distinct literals than one constant pool holds: the code is split into several classes. */
    @Test
    void constantPoolOverflowSplitsClasses() {
        int n = 60_000;
        double[] x = new double[4];
        SplittableRandom rnd = new SplittableRandom(3);
        for (int k = 0; k < x.length; k++) {
            x[k] = rnd.nextDouble(-1, 1);
        }
        Graph.Builder b = Graph.builder(x.length);
        int prev = b.add(Op.SIN, Operand.input(0));
        for (int v = 2; v + 2 <= n; v += 3) {
            int m = b.add(Op.MUL, Operand.vertex(prev), Operand.literal(rnd.nextDouble(0.5, 1.5)));
            int s = rnd.nextInt(20) == 0 ? b.add(Op.ADD, Operand.vertex(m), Operand.input(rnd.nextInt(x.length)))
                    : b.add(Op.ADD, Operand.vertex(m), Operand.literal(rnd.nextDouble(-0.5, 0.5)));
            prev = b.add(Op.SIN, Operand.vertex(s));
        }
        Graph g = b.outputs(prev).build();
        CompiledPath path = JacobianCompiler.compile(g, g.reverseOrder());
        ClassFiles.assertMethodsAtMost(path, 8000);
        long forwardClasses = path.classFiles().stream()
                .filter(c -> ClassFiles.codeLengths(c).keySet().stream().anyMatch(m -> m.startsWith("fwd"))).count();
        assertTrue(forwardClasses >= 2, "the forward part needs several constant pools, got " + forwardClasses);
        double[][] j = new double[1][x.length];
        assertTrue(path.evaluate(x, path.newWorkArray(), j));
        Check.assertMatchesDuals(j, DualNumbers.jacobian(g, x), "60,000 vertices");
    }
}
