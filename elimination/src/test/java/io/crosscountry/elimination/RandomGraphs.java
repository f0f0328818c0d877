package io.crosscountry.elimination;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators for random scalar graphs and elimination orders.
 *
 * <p>A graph is generated as a shrinkable "recipe": the number of inputs and, per vertex, a fixed
 * number of small integers that pick the operation, the operands (earlier vertex, input or
 * literal), whether the second operand repeats the first ({@code x*x}, {@code x-x}), the
 * precision, and whether and where the vertex is returned. The recipe is interpreted modulo what
 * is available, so every recipe is a valid graph and jqwik can shrink towards few vertices and
 * small choices.
 */
public final class RandomGraphs {

    /** Linear operations are over-represented so that EFFECTIVE mode has constants to track. */
    private static final Op[] LINEAR = {Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.NEG, Op.TO_FLOAT, Op.COPY};
    /** Every operation with in-edges (stop_gradient, the one without that the references model, has its own gene). */
    private static final Op[] ALL = java.util.Arrays.stream(Op.values()).filter(Op::differentiable).toArray(Op[]::new);

    /**
     * Literal pool: ±1 (free factors), other constants, and 0 (for x*0). Finite and moderate so
     * that constant products never overflow nor form 0·∞ (see DIV_LITERALS).
     */
    private static final double[] LITERALS = {1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 3.0, 1.5, -4.0, 0.0, 0.25, 7.0};
    /** Denominators: no zero, so 1/c is finite. */
    private static final double[] DIV_LITERALS = {1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 3.0, 1.5, -4.0, 0.25, 7.0, 10.0};

    private static final int GENES = 10;

    private RandomGraphs() {
    }

    /** A generated graph with the recipe it came from (so it can be rebuilt) and a readable listing. */
    public record GraphCase(int numInputs, List<List<Integer>> recipe, Graph graph) {
        @Override
        public String toString() {
            return listing(graph);
        }
    }

    /** A generated graph with a valid elimination order. */
    record OrderedCase(GraphCase graphCase, int[] order, String kind) {
        Graph graph() {
            return graphCase.graph();
        }

        @Override
        public String toString() {
            return listing(graphCase.graph()) + "order (" + kind + "): " + Arrays.toString(order);
        }
    }

    /** Random graphs: 2–6 inputs, 1–40 vertices. */
    public static Arbitrary<GraphCase> graphs() {
        Arbitrary<Integer> inputs = Arbitraries.integers().between(2, 6);
        Arbitrary<List<Integer>> gene = Arbitraries.integers().between(0, 9999).list().ofSize(GENES);
        Arbitrary<List<List<Integer>>> recipe = gene.list().ofMinSize(1).ofMaxSize(40);
        return Combinators.combine(inputs, recipe).as((n, r) -> new GraphCase(n, r, build(n, r)));
    }

    /** Random graphs with an order: mostly random permutations of eliminable(), plus the three baselines. */
    static Arbitrary<OrderedCase> graphsWithOrders() {
        return graphs().flatMap(gc -> orders(gc.graph()).map(t -> new OrderedCase(gc, t.get1(), t.get2())));
    }

    static Arbitrary<Tuple.Tuple2<int[], String>> orders(Graph g) {
        List<Integer> eliminable = Arrays.stream(g.eliminable()).boxed().collect(Collectors.toList());
        Arbitrary<Tuple.Tuple2<int[], String>> shuffled =
                Arbitraries.shuffle(eliminable).map(l -> Tuple.of(l.stream().mapToInt(Integer::intValue).toArray(), "random"));
        return Arbitraries.frequencyOf(
                Tuple.of(7, shuffled),
                Tuple.of(1, Arbitraries.create(() -> Tuple.of(g.forwardOrder(), "forward"))),
                Tuple.of(1, Arbitraries.create(() -> Tuple.of(g.reverseOrder(), "reverse"))),
                Tuple.of(1, Arbitraries.create(() -> Tuple.of(g.markowitzOrder(), "markowitz"))));
    }

    /** Interprets a recipe as a graph. Deterministic: the same recipe always gives the same graph. */
    public static Graph build(int numInputs, List<List<Integer>> recipe) {
        Graph.Builder b = Graph.builder(numInputs);
        List<int[]> outputs = new ArrayList<>(); // {id, return-order key}
        for (List<Integer> gene : recipe) {
            int opGene = gene.get(0);
            Op op;
            if (opGene % 10 < 7) {
                op = LINEAR[(opGene / 10) % LINEAR.length];
            } else if (opGene % 10 == 7 && (opGene / 10) % 6 == 0) {
                op = Op.STOP_GRADIENT; // an operand without an in-edge
            } else {
                op = ALL[(opGene / 10) % ALL.length];
            }
            Operand first = operand(b, numInputs, gene.get(1), gene.get(2), false);
            Operand[] args;
            if (op.arity() == 1) {
                args = new Operand[] {first};
            } else {
                boolean repeat = gene.get(5) % 5 == 0 && !first.isLiteral();
                Operand second = repeat ? first : operand(b, numInputs, gene.get(3), gene.get(4), op == Op.DIV);
                args = new Operand[] {first, second};
                if (gene.get(6) % 4 == 0 && op != Op.DIV) {
                    args = new Operand[] {second, first}; // literal on either side
                }
                if (op.arity() == 3) {                   // fma: an addend from the unused digits
                    Operand third = operand(b, numInputs, gene.get(6) / 4, gene.get(9) / 3, false);
                    args = new Operand[] {args[0], args[1], third};
                }
            }
            boolean single = gene.get(7) % 7 == 0;
            boolean strict = (gene.get(7) / 7) % 5 == 0;
            int id = b.add(op, single, strict, args);
            if (gene.get(8) % 3 == 0) {
                outputs.add(new int[] {id, gene.get(9)});
            }
        }
        outputs.sort(Comparator.<int[]>comparingInt(o -> o[1]).thenComparingInt(o -> o[0]));
        b.outputs(outputs.stream().mapToInt(o -> o[0]).toArray());
        return b.build();
    }

    private static Operand operand(Graph.Builder b, int numInputs, int kindGene, int pick, boolean denominator) {
        int kind = kindGene % 10;
        int defined = b.size();
        if (kind < 5 && defined > 0) {
            // Earlier vertex: half the time one of the last four (deep chains), else any.
            int id = pick % 2 == 0 ? defined - (pick / 2) % Math.min(defined, 4) : 1 + (pick / 2) % defined;
            return Operand.vertex(id);
        }
        if (kind < 8) {
            return Operand.input(pick % numInputs);
        }
        double[] pool = denominator ? DIV_LITERALS : LITERALS;
        return Operand.literal(pool[pick % pool.length]);
    }

    /** A human-readable listing of a graph, for failure reports. */
    static String listing(Graph g) {
        StringBuilder sb = new StringBuilder("\ninputs: ").append(g.numInputs()).append('\n');
        for (int v = 1; v <= g.numVertices(); v++) {
            sb.append('#').append(v).append(" = ").append(g.op(v).symbol()).append(g.isSinglePrecision(v) ? ".f" : "").append(g.isStrict(v) ? ".s" : "")
                    .append(g.operands(v).stream().map(Operand::toString).collect(Collectors.joining(", ", "(", ")")))
                    .append('\n');
        }
        sb.append("outputs: ").append(Arrays.toString(g.outputs())).append('\n');
        return sb.toString();
    }

    static List<Integer> boxed(int[] a) {
        return IntStream.of(a).boxed().collect(Collectors.toList());
    }
}
