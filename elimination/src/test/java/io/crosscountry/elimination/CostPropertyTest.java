package io.crosscountry.elimination;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.crosscountry.elimination.RandomGraphs.GraphCase;
import io.crosscountry.elimination.RandomGraphs.OrderedCase;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Property tests of {@link Graph#cost(int[], CostMode)} and the baseline orders against the
 * independent dense-matrix oracle {@link ReferenceElimination}.
 */
class CostPropertyTest {

    @Provide
    Arbitrary<GraphCase> graphs() {
        return RandomGraphs.graphs();
    }

    @Provide
    Arbitrary<OrderedCase> graphsWithOrders() {
        return RandomGraphs.graphsWithOrders();
    }

    @Property(tries = 2000)
    void paper_cost_matches_reference_on_random_graphs(@ForAll("graphsWithOrders") OrderedCase c) {
        long expected = ReferenceElimination.cost(c.graph(), c.order(), CostMode.PAPER);
        assertEquals(expected, c.graph().cost(c.order(), CostMode.PAPER), "PAPER cost");
        assertEquals(expected, c.graph().cost(c.order()), "cost(order) defaults to PAPER");
    }

    @Property(tries = 2000)
    void effective_cost_matches_reference_on_random_graphs(@ForAll("graphsWithOrders") OrderedCase c) {
        long expected = ReferenceElimination.cost(c.graph(), c.order(), CostMode.EFFECTIVE);
        assertEquals(expected, c.graph().cost(c.order(), CostMode.EFFECTIVE), "EFFECTIVE cost");
    }

    /** Guards the generator: the cases the cost model treats specially must actually occur. */
    @Property(tries = 1000)
    void generator_covers_the_special_cases(@ForAll("graphsWithOrders") OrderedCase c) {
        Graph g = c.graph();
        boolean consumedOutput = false, repeated = false, literalOnly = false, dead = false, unitLiteral = false,
                divByLiteral = false, stopGradient = false;
        for (int v = 1; v <= g.numVertices(); v++) {
            List<Operand> ops = g.operands(v);
            consumedOutput |= g.isOutput(v) && g.succIds(v).length > 0;
            repeated |= ops.size() == 2 && !ops.get(0).isLiteral() && ops.get(0).equals(ops.get(1));
            literalOnly |= ops.stream().allMatch(Operand::isLiteral);
            dead |= !g.isOutput(v) && g.succIds(v).length == 0;
            unitLiteral |= g.op(v) == Op.MUL && ops.stream().anyMatch(o -> o.isLiteral() && Math.abs(o.literal()) == 1.0);
            divByLiteral |= g.op(v) == Op.DIV && ops.get(1).isLiteral();
            stopGradient |= g.op(v) == Op.STOP_GRADIENT;
        }
        long paper = g.cost(c.order(), CostMode.PAPER);
        long effective = g.cost(c.order(), CostMode.EFFECTIVE);
        collect("consumed output", consumedOutput, 30);
        collect("x op x", repeated, 30);
        collect("literal-only vertex", literalOnly, 30);
        collect("dead vertex", dead, 30);
        collect("mul by literal ±1", unitLiteral, 5);
        collect("div by literal", divByLiteral, 10);
        collect("stop_gradient", stopGradient, 5);
        collect("EFFECTIVE < PAPER", effective < paper, 30);
        collect("more than 20 vertices", g.numVertices() > 20, 10);
        Statistics.label("order kind").collect(c.kind());
        Statistics.label("order kind").coverage(k -> {
            for (String kind : List.of("random", "forward", "reverse", "markowitz")) {
                k.check(kind).percentage(p -> p >= 3.0);
            }
        });
    }

    private static void collect(String label, boolean value, double minPercent) {
        Statistics.label(label).collect(value);
        Statistics.label(label).coverage(k -> k.check(true).percentage(p -> p >= minPercent));
    }

    @Property(tries = 1000)
    void paper_cost_is_at_least_effective_cost(@ForAll("graphsWithOrders") OrderedCase c) {
        long paper = c.graph().cost(c.order(), CostMode.PAPER);
        long effective = c.graph().cost(c.order(), CostMode.EFFECTIVE);
        assertTrue(paper >= effective, "PAPER " + paper + " < EFFECTIVE " + effective);
        assertTrue(effective >= 0, "negative EFFECTIVE cost " + effective);
    }

    @Property(tries = 1000)
    void cost_is_repeatable_on_the_immutable_graph(@ForAll("graphsWithOrders") OrderedCase c) {
        long first = c.graph().cost(c.order(), CostMode.EFFECTIVE);
        long paper = c.graph().cost(c.order(), CostMode.PAPER);
        assertEquals(first, c.graph().cost(c.order(), CostMode.EFFECTIVE));
        assertEquals(paper, c.graph().cost(c.order(), CostMode.PAPER));
    }

    @Property(tries = 1000)
    void markowitz_order_is_a_valid_permutation_and_matches_reference(@ForAll("graphs") GraphCase gc) {
        Graph g = gc.graph();
        int[] order = g.markowitzOrder();
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        assertArrayEquals(g.eliminable(), sorted, "markowitzOrder() is a permutation of eliminable()");
        g.validate(order); // must not throw
        assertArrayEquals(ReferenceElimination.markowitzOrder(g), order, "min-Markowitz, ties to the lowest id");
        assertEquals(ReferenceElimination.cost(g, order, CostMode.PAPER), g.cost(order, CostMode.PAPER));
    }

    @Property(tries = 1000)
    void eliminable_forward_and_reverse_follow_the_output_convention(@ForAll("graphs") GraphCase gc) {
        Graph g = gc.graph();
        Set<Integer> outputs = new TreeSet<>(RandomGraphs.boxed(g.outputs()));
        Set<Integer> consumed = new TreeSet<>();
        for (int v = 1; v <= g.numVertices(); v++) {
            List<Operand> operands = g.operands(v);
            for (int pos = 0; pos < operands.size(); pos++) {
                if (operands.get(pos).isVertex() && readsWithEdge(g.op(v), pos)) {
                    consumed.add(operands.get(pos).ref());
                }
            }
        }
        List<Integer> expected = new ArrayList<>();
        for (int v = 1; v <= g.numVertices(); v++) {
            if (!outputs.contains(v) || consumed.contains(v)) {
                expected.add(v);
            }
            assertEquals(outputs.contains(v), g.isOutput(v));
        }
        assertEquals(expected, RandomGraphs.boxed(g.eliminable()));
        assertArrayEquals(new ReferenceElimination(g).eliminable(), g.eliminable());
        assertEquals(expected, RandomGraphs.boxed(g.forwardOrder()));
        List<Integer> reversed = new ArrayList<>(expected);
        java.util.Collections.reverse(reversed);
        assertEquals(reversed, RandomGraphs.boxed(g.reverseOrder()));
    }

    @Property(tries = 1000)
    void pred_succ_and_constant_partials_match_the_operands(@ForAll("graphs") GraphCase gc) {
        Graph g = gc.graph();
        ReferenceElimination ref = new ReferenceElimination(g);
        List<List<Integer>> inputSuccs = new ArrayList<>();
        for (int k = 0; k < g.numInputs(); k++) {
            inputSuccs.add(new ArrayList<>());
        }
        List<List<Integer>> vertexSuccs = new ArrayList<>();
        for (int v = 0; v <= g.numVertices(); v++) {
            vertexSuccs.add(new ArrayList<>());
        }
        for (int v = 1; v <= g.numVertices(); v++) {
            LinkedHashSet<Integer> distinct = new LinkedHashSet<>();
            List<Operand> operands = g.operands(v);
            for (int pos = 0; pos < operands.size(); pos++) {
                if (!operands.get(pos).isLiteral() && readsWithEdge(g.op(v), pos)) {
                    distinct.add(operands.get(pos).ref());
                }
            }
            assertEquals(new ArrayList<>(distinct), RandomGraphs.boxed(g.predIds(v)), "predIds of #" + v);
            double[] partials = g.predConstantPartials(v);
            assertEquals(distinct.size(), partials.length);
            int k = 0;
            for (int p : distinct) {
                int from = p < 0 ? -p - 1 : ref.node(p);
                int to = ref.node(v);
                if (ref.isConstant(from, to)) {
                    assertEquals(ref.constantValue(from, to), partials[k], 0.0, "constant partial " + p + "→#" + v);
                } else {
                    assertTrue(Double.isNaN(partials[k]), "variable partial " + p + "→#" + v + " reported as " + partials[k]);
                }
                (p < 0 ? inputSuccs.get(-p - 1) : vertexSuccs.get(p)).add(v);
                k++;
            }
        }
        for (int k = 0; k < g.numInputs(); k++) {
            assertEquals(inputSuccs.get(k), RandomGraphs.boxed(g.inputSuccIds(k)), "inputSuccIds(" + k + ")");
        }
        for (int v = 1; v <= g.numVertices(); v++) {
            assertEquals(vertexSuccs.get(v), RandomGraphs.boxed(g.succIds(v)), "succIds(" + v + ")");
        }
    }

    /**
     * After eliminating every eliminable vertex, each output's remaining in-edges come from inputs
     * only, and exactly from the inputs it structurally depends on (edges are never dropped for a
     * zero value); every other vertex is isolated. The Jacobian's edge set and which entries are
     * compile-time constants do not depend on the order.
     */
    @Property(tries = 1000)
    void full_elimination_leaves_outputs_depending_on_inputs_only(@ForAll("graphsWithOrders") OrderedCase c) {
        Graph g = c.graph();
        ReferenceElimination ref = new ReferenceElimination(g);
        ref.run(c.order(), CostMode.PAPER);
        ReferenceElimination forward = new ReferenceElimination(g);
        forward.run(g.forwardOrder(), CostMode.PAPER);
        List<Set<Integer>> reach = reachableInputs(g);
        Set<Integer> outputs = new TreeSet<>(RandomGraphs.boxed(g.outputs()));
        for (int v = 1; v <= g.numVertices(); v++) {
            if (outputs.contains(v)) {
                assertEquals(reach.get(v), ref.predIds(v), "Jacobian row of output #" + v);
                assertTrue(ref.succNodes(v).isEmpty(), "output #" + v + " keeps out-edges");
                for (int u : ref.predNodes(v)) {
                    int x = ref.node(v);
                    assertEquals(forward.isConstant(u, x), ref.isConstant(u, x), "constness of d#" + v + "/d" + ref.idOfNode(u));
                    if (ref.isConstant(u, x)) {
                        assertEquals(forward.constantValue(u, x), ref.constantValue(u, x), 1e-9 * (1 + Math.abs(forward.constantValue(u, x))));
                    }
                }
            } else {
                assertTrue(ref.predNodes(v).isEmpty() && ref.succNodes(v).isEmpty(), "eliminated #" + v + " still has edges");
            }
        }
    }

    /**
     * Whether an operand at {@code pos} of {@code op} gets an in-edge: not for stop_gradient's,
     * nor for copysign's sign (read for its sign only) or nextafter's direction.
     */
    private static boolean readsWithEdge(Op op, int pos) {
        return op != Op.STOP_GRADIENT && !((op == Op.COPY_SIGN || op == Op.NEXT_AFTER) && pos == 1);
    }

    /** Inputs (as -1, -2, ...) with a path of non-literal operands (not through stop_gradient) to each vertex. */
    private static List<Set<Integer>> reachableInputs(Graph g) {
        List<Set<Integer>> reach = new ArrayList<>();
        reach.add(Set.of());
        for (int v = 1; v <= g.numVertices(); v++) {
            Set<Integer> r = new TreeSet<>();
            if (g.op(v) == Op.STOP_GRADIENT) {
                reach.add(r);
                continue;
            }
            List<Operand> operands = g.operands(v);
            for (int pos = 0; pos < operands.size(); pos++) {
                Operand o = operands.get(pos);
                if (!readsWithEdge(g.op(v), pos)) {
                    continue;
                }
                if (o.isInput()) {
                    r.add(o.ref());
                } else if (o.isVertex()) {
                    r.addAll(reach.get(o.ref()));
                }
            }
            reach.add(r);
        }
        return reach;
    }

    @Property(tries = 500)
    void fingerprint_is_stable_across_rebuilds(@ForAll("graphs") GraphCase gc) {
        Graph again = RandomGraphs.build(gc.numInputs(), gc.recipe());
        assertEquals(gc.graph().fingerprint(), again.fingerprint());
        assertTrue(gc.graph().fingerprint().matches("[0-9a-f]{32}"), gc.graph().fingerprint());
        Graph moreInputs = RandomGraphs.build(gc.numInputs() + 1, gc.recipe());
        // One more input changes the input count (and usually the wiring), never the same graph.
        assertFalse(gc.graph().fingerprint().equals(moreInputs.fingerprint()));
    }
}
