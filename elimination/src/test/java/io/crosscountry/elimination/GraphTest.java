package io.crosscountry.elimination;

import static io.crosscountry.elimination.Operand.input;
import static io.crosscountry.elimination.Operand.literal;
import static io.crosscountry.elimination.Operand.vertex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Hand-built graphs with hand-computed costs, orders and structure. */
class GraphTest {

    private static final CostMode PAPER = CostMode.PAPER;
    private static final CostMode EFFECTIVE = CostMode.EFFECTIVE;

    /** Simple (TASKS.md §2): z = x·y, w = sin z; returns (w + z, log w). Inputs x y. */
    static Graph simple() {
        Graph.Builder b = Graph.builder(2);
        b.add(Op.MUL, input(0), input(1));  // #1 z = x·y
        b.add(Op.SIN, vertex(1));           // #2 w = sin z
        b.add(Op.ADD, vertex(2), vertex(1)); // #3 w + z   OUTPUT 1
        b.add(Op.LOG, vertex(2));           // #4 log w   OUTPUT 2
        return b.outputs(3, 4).build();
    }

    /** Hole (TASKS.md §2). Inputs x y z w. */
    static Graph hole() {
        Graph.Builder b = Graph.builder(4);
        b.add(Op.MUL, input(1), input(2));   // #1 a = y·z
        b.add(Op.ADD, vertex(1), input(0));  // #2 b = a + x
        b.add(Op.ADD, vertex(1), input(3));  // #3 c = a + w
        b.add(Op.COS, vertex(2));            // #4 d = cos b
        b.add(Op.EXP, vertex(3));            // #5 e = exp c
        b.add(Op.SUB, vertex(4), vertex(5)); // #6 d − e   OUTPUT 1
        b.add(Op.DIV, vertex(4), vertex(5)); // #7 d/e     OUTPUT 2
        b.add(Op.MUL, vertex(4), vertex(5)); // #8 d·e     OUTPUT 3
        return b.outputs(6, 7, 8).build();
    }

    /** Lighthouse (TASKS.md §2). Inputs nu gamma omega t; #7 is an output also consumed by #8. */
    static Graph lighthouse() {
        Graph.Builder b = Graph.builder(4);
        b.add(Op.MUL, input(2), input(3));   // #1 ω·t
        b.add(Op.TAN, vertex(1));            // #2 tan(ωt)
        b.add(Op.MUL, input(0), vertex(2));  // #3 ν·tan(ωt)
        b.add(Op.MUL, input(2), input(3));   // #4 ω·t (recomputed)
        b.add(Op.TAN, vertex(4));            // #5 tan(ωt) (recomputed)
        b.add(Op.SUB, input(1), vertex(5));  // #6 γ − tan(ωt)
        b.add(Op.DIV, vertex(3), vertex(6)); // #7 y1   OUTPUT 1 (also consumed by #8)
        b.add(Op.MUL, input(1), vertex(7));  // #8 y2 = γ·y1   OUTPUT 2
        return b.outputs(7, 8).build();
    }

    @Nested
    class WarmUpTasks {

        @Test
        void simple_costs_fwd_8_rev_6_markowitz_6() {
            Graph g = simple();
            assertArrayEquals(new int[] {1, 2}, g.eliminable());
            assertEquals(8, g.cost(g.forwardOrder(), PAPER));
            assertEquals(6, g.cost(g.reverseOrder(), PAPER));
            // deg(#1) = 2·2 = 4, deg(#2) = 1·2 = 2 → #2 first.
            assertArrayEquals(new int[] {2, 1}, g.markowitzOrder());
            assertEquals(6, g.cost(g.markowitzOrder(), PAPER));
        }

        @Test
        void simple_effective_costs_skip_the_unit_partials_of_add() {
            Graph g = simple();
            // fwd: #1 → x,y × {#2 (var), #3 (+1)} = 2; #2 → x,y × {#3 (+1), #4 (var)} = 2.
            assertEquals(4, g.cost(g.forwardOrder(), EFFECTIVE));
            // rev: #2 → #1 × {#3 (+1), #4} = 1; #1 → x,y × {#3 (now variable), #4} = 4.
            assertEquals(5, g.cost(g.reverseOrder(), EFFECTIVE));
        }

        @Test
        void hole_costs_fwd_28_rev_24_markowitz_26() {
            Graph g = hole();
            assertArrayEquals(new int[] {1, 2, 3, 4, 5}, g.eliminable());
            assertEquals(28, g.cost(g.forwardOrder(), PAPER));
            assertEquals(24, g.cost(g.reverseOrder(), PAPER));
            // #2 and #3 tie at degree 2 → #2; then #3 (2); then #1 (2·2); then #4, #5 (3·3 each).
            assertArrayEquals(new int[] {2, 3, 1, 4, 5}, g.markowitzOrder());
            assertEquals(26, g.cost(g.markowitzOrder(), PAPER));
        }

        @Test
        void hole_effective_costs() {
            Graph g = hole();
            // fwd: #1 0 (both out-edges +1), #2 2, #3 2, #4 3·2 (d−e has partial +1), #5 3·2.
            assertEquals(16, g.cost(g.forwardOrder(), EFFECTIVE));
            // rev: #5 2, #4 2, #3 0 and #2 0 (all in-edges +1), #1 2·3.
            assertEquals(10, g.cost(g.reverseOrder(), EFFECTIVE));
            assertEquals(16, g.cost(g.markowitzOrder(), EFFECTIVE));
        }

        @Test
        void lighthouse_follows_the_graphax_convention_fwd_18_rev_22() {
            Graph g = lighthouse();
            assertTrue(g.isOutput(7));
            assertArrayEquals(new int[] {8}, g.succIds(7));
            assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6, 7}, g.eliminable(), "#7 is consumed by #8, so eliminable");
            assertEquals(18, g.cost(g.forwardOrder(), PAPER));
            assertEquals(22, g.cost(g.reverseOrder(), PAPER));
            // Hand-computed: 2 (1), 5 (1), 1 (2), 4 (2), 7 (2·1), 3 (3·2), 6 (3·2).
            assertArrayEquals(new int[] {2, 5, 1, 4, 7, 3, 6}, g.markowitzOrder());
            assertEquals(20, g.cost(g.markowitzOrder(), PAPER));
        }

        @Test
        void lighthouse_effective_costs() {
            Graph g = lighthouse();
            // fwd: 2 + 2 + 3 + 2 + 0 (#5→#6 is −1) + 2 (γ→#6 is +1) + 4.
            assertEquals(15, g.cost(g.forwardOrder(), EFFECTIVE));
            // rev: 2 + 0 (#6's in-edges are ±1) + 2 + 4 + 4 + 2 + 4.
            assertEquals(18, g.cost(g.reverseOrder(), EFFECTIVE));
        }

        @Test
        void warm_up_costs_agree_with_the_reference_in_both_modes() {
            for (Graph g : List.of(simple(), hole(), lighthouse())) {
                for (int[] order : List.of(g.forwardOrder(), g.reverseOrder(), g.markowitzOrder())) {
                    for (CostMode mode : CostMode.values()) {
                        assertEquals(ReferenceElimination.cost(g, order, mode), g.cost(order, mode), g + " " + mode);
                    }
                }
            }
        }
    }

    @Nested
    class Orders {

        /**
         * x, y → #1 = x + (−4); #2 = hypot(#1, y); #3 = #2 − #1 (output). deg(#1) = 1·2 = deg(#2) =
         * 2·1 = 2: the paper's rule takes #1 (cost 2 + 2 = 4) although #2 first would cost 2 + 1 = 3.
         */
        @Test
        void markowitz_ties_go_to_the_lowest_id_even_when_that_is_worse() {
            Graph.Builder b = Graph.builder(2);
            b.add(Op.ADD, literal(-4.0), input(0));
            b.add(Op.HYPOT, vertex(1), input(1));
            b.add(Op.SUB, vertex(2), vertex(1));
            Graph g = b.outputs(3).build();
            assertArrayEquals(new int[] {1, 2}, g.markowitzOrder());
            assertEquals(4, g.cost(g.markowitzOrder(), PAPER));
            assertEquals(3, g.cost(new int[] {2, 1}, PAPER));
        }

        /**
         * Both #1 and #2 are outputs consumed later, with degree 1 each. Lowest id first costs 1 + 1;
         * #2 first costs 1 + 1·2 because #1 keeps its edge into the (eliminated) output #2.
         */
        @Test
        void markowitz_tie_between_consumed_outputs_goes_to_the_lowest_id() {
            Graph.Builder b = Graph.builder(2);
            b.add(Op.ADD, input(0), literal(7.0));
            b.add(Op.COPY, vertex(1));
            b.add(Op.ASIN, vertex(2));
            Graph g = b.outputs(1, 2, 3).build();
            assertArrayEquals(new int[] {1, 2}, g.eliminable());
            assertArrayEquals(new int[] {1, 2}, g.markowitzOrder());
            assertEquals(2, g.cost(new int[] {1, 2}, PAPER));
            assertEquals(3, g.cost(new int[] {2, 1}, PAPER));
        }

        /** in1, in2 → a graph with a dead vertex, a literal-only vertex and interleaved outputs. */
        private Graph mixed() {
            Graph.Builder b = Graph.builder(2);
            b.add(Op.MUL, input(0), input(1));    // #1
            b.add(Op.SIN, vertex(1));             // #2 output, not consumed
            b.add(Op.ADD, literal(2.0), literal(3.0)); // #3 literal-only, read by #5
            b.add(Op.EXP, input(1));              // #4 dead
            b.add(Op.MUL, vertex(1), vertex(3));  // #5 output, consumed by #6
            b.add(Op.COS, vertex(5));             // #6 output, not consumed
            b.add(Op.SQRT, vertex(1));            // #7 dead
            return b.outputs(6, 2, 5).build();
        }

        @Test
        void eliminable_excludes_unconsumed_outputs_only() {
            Graph g = mixed();
            assertArrayEquals(new int[] {1, 3, 4, 5, 7}, g.eliminable());
            assertArrayEquals(new int[] {6, 2, 5}, g.outputs(), "return order kept");
            assertEquals(3, g.numOutputs());
            assertTrue(g.isOutput(5));
            assertFalse(g.isOutput(4));
        }

        @Test
        void forward_is_ascending_and_reverse_descending_over_eliminable() {
            Graph g = mixed();
            assertArrayEquals(new int[] {1, 3, 4, 5, 7}, g.forwardOrder());
            assertArrayEquals(new int[] {7, 5, 4, 3, 1}, g.reverseOrder());
        }

        @Test
        void dead_and_literal_only_vertices_cost_nothing_and_markowitz_takes_them_first() {
            Graph g = mixed();
            // #3 (no in-edges), #4 and #7 (no out-edges) have degree 0.
            int[] order = g.markowitzOrder();
            assertArrayEquals(new int[] {3, 4, 7}, java.util.Arrays.copyOf(order, 3));
            // Forward: #1 {x,y}×{#2,#5,#7} = 6, #3 0, #4 0, #5 {x,y}×{#6} = 2, #7 0.
            assertEquals(8, g.cost(g.forwardOrder(), PAPER));
            // Dead #7 first removes #1→#7: #1 {x,y}×{#2,#5} = 4, #5 {x,y}×{#6} = 2.
            assertEquals(6, g.cost(new int[] {3, 4, 7, 1, 5}, PAPER));
            // Reverse: #7 0, #5 {#1,#3}×{#6} = 2 (keeps its in-edges: it is an output), #4 0, #3 0,
            // #1 {x,y}×{#2,#5,#6} = 6.
            assertEquals(8, g.cost(g.reverseOrder(), PAPER));
        }

        @Test
        void a_graph_without_eliminable_vertices_has_empty_orders_of_cost_zero() {
            Graph.Builder b = Graph.builder(2);
            b.add(Op.ATAN2, input(0), input(1));
            b.add(Op.HYPOT, input(0), input(1));
            Graph g = b.outputs(2, 1).build();
            assertEquals(0, g.eliminable().length);
            assertEquals(0, g.markowitzOrder().length);
            assertEquals(0, g.cost(new int[0], PAPER));
            assertEquals(0, g.cost(new int[0], EFFECTIVE));
        }

        @Test
        void returned_arrays_are_defensive_copies() {
            Graph g = hole();
            g.eliminable()[0] = 99;
            g.forwardOrder()[0] = 99;
            g.outputs()[0] = 99;
            g.predIds(2)[0] = 99;
            g.predConstantPartials(2)[0] = 99;
            g.succIds(1)[0] = 99;
            g.inputSuccIds(0)[0] = 99;
            assertArrayEquals(new int[] {1, 2, 3, 4, 5}, g.eliminable());
            assertArrayEquals(new int[] {6, 7, 8}, g.outputs());
            assertArrayEquals(new int[] {1, -1}, g.predIds(2));
            assertArrayEquals(new double[] {1.0, 1.0}, g.predConstantPartials(2));
            assertArrayEquals(new int[] {2, 3}, g.succIds(1));
            assertArrayEquals(new int[] {2}, g.inputSuccIds(0));
            assertEquals(28, g.cost(g.forwardOrder(), PAPER));
        }
    }

    @Nested
    class Structure {

        @Test
        void pred_ids_are_distinct_non_literal_operands_in_operand_order() {
            Graph g = lighthouse();
            assertArrayEquals(new int[] {-3, -4}, g.predIds(1));
            assertArrayEquals(new int[] {-1, 2}, g.predIds(3));
            assertArrayEquals(new int[] {-2, 5}, g.predIds(6));
            assertArrayEquals(new int[] {-2, 7}, g.predIds(8));
            assertArrayEquals(new int[] {1, 4}, g.inputSuccIds(2), "omega feeds #1 and #4");
            assertArrayEquals(new int[] {6, 8}, g.inputSuccIds(1), "gamma feeds #6 and #8");
            assertArrayEquals(new int[] {}, g.succIds(8));
            assertEquals(Op.DIV, g.op(7));
            assertEquals(List.of(vertex(3), vertex(6)), g.operands(7));
        }

        @Test
        void constant_partials_are_reported_per_distinct_operand() {
            Graph.Builder b = Graph.builder(2);
            int xMinusX = b.add(Op.SUB, input(0), input(0));       // 1 − 1 = 0
            int xPlusX = b.add(Op.ADD, input(0), input(0));        // 2
            int xTimesX = b.add(Op.MUL, input(0), input(0));       // 2x: variable
            int xTimesC = b.add(Op.MUL, input(0), literal(2.5));   // 2.5
            int cTimesY = b.add(Op.MUL, literal(-1.0), input(1));  // −1
            int xOverC = b.add(Op.DIV, input(0), literal(4.0));    // 1/4
            int cOverX = b.add(Op.DIV, literal(4.0), input(0));    // −4/x²: variable
            int xOverX = b.add(Op.DIV, input(0), input(0));        // variable (the op table has no simplification)
            int xTimesY = b.add(Op.MUL, input(0), input(1));       // y, x: variable
            int negY = b.add(Op.NEG, input(1));                    // −1
            int yMinusC = b.add(Op.SUB, literal(3.0), input(1));   // −1
            int mixed = b.add(Op.SUB, vertex(xMinusX), input(1));  // +1, −1
            int narrow = b.add(Op.TO_FLOAT, true, vertex(mixed));  // 1
            int copy = b.add(Op.COPY, input(1));                   // 1
            int sin = b.add(Op.SIN, input(0));                     // variable
            int literalsOnly = b.add(Op.ADD, literal(1.0), literal(2.0)); // no edges
            int nanLiteral = b.add(Op.MUL, input(0), literal(Double.NaN)); // documented: not constant
            int maxXX = b.add(Op.MAX, input(0), input(0));         // variable
            Graph g = b.outputs(narrow, copy).build();

            assertPartials(g, xMinusX, new int[] {-1}, 0.0);
            assertPartials(g, xPlusX, new int[] {-1}, 2.0);
            assertPartials(g, xTimesX, new int[] {-1}, Double.NaN);
            assertPartials(g, xTimesC, new int[] {-1}, 2.5);
            assertPartials(g, cTimesY, new int[] {-2}, -1.0);
            assertPartials(g, xOverC, new int[] {-1}, 0.25);
            assertPartials(g, cOverX, new int[] {-1}, Double.NaN);
            assertPartials(g, xOverX, new int[] {-1}, Double.NaN);
            assertPartials(g, xTimesY, new int[] {-1, -2}, Double.NaN, Double.NaN);
            assertPartials(g, negY, new int[] {-2}, -1.0);
            assertPartials(g, yMinusC, new int[] {-2}, -1.0);
            assertPartials(g, mixed, new int[] {xMinusX, -2}, 1.0, -1.0);
            assertPartials(g, narrow, new int[] {mixed}, 1.0);
            assertPartials(g, copy, new int[] {-2}, 1.0);
            assertPartials(g, sin, new int[] {-1}, Double.NaN);
            assertPartials(g, literalsOnly, new int[] {});
            assertPartials(g, nanLiteral, new int[] {-1}, Double.NaN);
            assertPartials(g, maxXX, new int[] {-1}, Double.NaN);
            assertTrue(g.isSinglePrecision(narrow));
            assertFalse(g.isSinglePrecision(copy));
        }

        private void assertPartials(Graph g, int id, int[] preds, double... partials) {
            assertArrayEquals(preds, g.predIds(id), "predIds(#" + id + ")");
            assertArrayEquals(partials, g.predConstantPartials(id), 0.0, "predConstantPartials(#" + id + ")");
        }

        /** x·2 then ·(−1) then ·0.5: every product is folded (both constant or a factor ±1). */
        @Test
        void effective_mode_folds_products_of_constants_and_unit_factors() {
            Graph.Builder b = Graph.builder(1);
            b.add(Op.MUL, input(0), literal(2.0));   // #1 ∂/∂x = 2
            b.add(Op.SIN, vertex(1));                // #2 variable
            b.add(Op.MUL, vertex(2), literal(3.0));  // #3 3
            b.add(Op.NEG, vertex(3));                // #4 −1
            b.add(Op.DIV, vertex(4), literal(0.5));  // #5 2
            b.add(Op.EXP, vertex(5));                // #6 output
            Graph g = b.outputs(6).build();
            // fwd: #1 2·var = 1, #2 var·3 = 1, #3 var·(−1) = 0, #4 var·2 = 1, #5 var·var = 1.
            assertEquals(4, g.cost(g.forwardOrder(), EFFECTIVE));
            // rev: #5 2·var = 1, #4 −1·var = 0, #3 3·var = 1, #2 var·var = 1, #1 2·var = 1.
            assertEquals(4, g.cost(g.reverseOrder(), EFFECTIVE));
            // #3: 3·(−1) = 0 (unit); #4: (−3)·2 = 0 (both constant); #5: (−6)·var = 1; #1: 2·var = 1;
            // #2: var·var = 1.
            assertEquals(3, g.cost(new int[] {3, 4, 5, 1, 2}, EFFECTIVE));
            assertEquals(5, g.cost(new int[] {3, 4, 5, 1, 2}, PAPER));
        }

        /** copysign(m, s): an in-edge from the magnitude only; the sign is read without one. */
        @Test
        void copysign_has_an_in_edge_from_its_magnitude_only() {
            Graph.Builder b = Graph.builder(2);
            int xSignY = b.add(Op.COPY_SIGN, input(0), input(1));
            int xSignX = b.add(Op.COPY_SIGN, input(0), input(0));        // = x: one variable edge
            int twoSignY = b.add(Op.COPY_SIGN, literal(2.0), input(1));  // piecewise constant: no in-edge
            int out = b.add(Op.ADD, vertex(xSignY), vertex(twoSignY));
            Graph g = b.outputs(xSignX, out).build();
            assertTrue(Op.COPY_SIGN.differentiable(0));
            assertFalse(Op.COPY_SIGN.differentiable(1));
            assertPartials(g, xSignY, new int[] {-1}, Double.NaN);
            assertPartials(g, xSignX, new int[] {-1}, Double.NaN);
            assertPartials(g, twoSignY, new int[] {});
            assertEquals(List.of(Operand.input(0), Operand.input(1)), g.operands(xSignY));
            // eliminating #1: x's edge times the unit edge into #4, a free product in EFFECTIVE mode
            assertEquals(0, g.cost(new int[] {xSignY, twoSignY}, EFFECTIVE));
            assertEquals(1, g.cost(new int[] {xSignY, twoSignY}, PAPER));
        }

        /** fma(a, b, c) = a·b + c: the addend's partial is 1, a factor's is the other factor when that is a literal. */
        @Test
        void fma_has_a_unit_addend_and_constant_factors_beside_literals() {
            Graph.Builder b = Graph.builder(2);
            int xyPlusX = b.add(Op.FMA, input(0), input(1), input(0));       // ∂/∂x = y + 1, ∂/∂y = x
            int twoXPlusY = b.add(Op.FMA, literal(2.0), input(0), input(1)); // ∂/∂x = 2, ∂/∂y = 1
            int xTimesXPlusX = b.add(Op.FMA, input(0), literal(3.0), input(0)); // ∂/∂x = 3 + 1
            int squarePlusC = b.add(Op.FMA, vertex(twoXPlusY), vertex(twoXPlusY), literal(1.0));
            Graph g = b.outputs(xyPlusX, xTimesXPlusX, squarePlusC).build();
            assertPartials(g, xyPlusX, new int[] {-1, -2}, Double.NaN, Double.NaN);
            assertPartials(g, twoXPlusY, new int[] {-1, -2}, 2.0, 1.0);
            assertPartials(g, xTimesXPlusX, new int[] {-1}, 4.0);
            assertPartials(g, squarePlusC, new int[] {twoXPlusY}, Double.NaN);
            assertThrows(IllegalArgumentException.class, () -> Graph.builder(1).add(Op.FMA, input(0), input(0)));
            // #2 eliminated: its in-edges 2 (x) and 1 (y) times the variable 2·(#2) into #4: 1 product in
            // EFFECTIVE (y's is ±1), 2 in PAPER.
            assertEquals(1, g.cost(new int[] {2}, EFFECTIVE));
            assertEquals(2, g.cost(new int[] {2}, PAPER));
        }

        /** x − x has constant partial 0: the edge stays (PAPER counts it) and products with it are folded. */
        @Test
        void zero_partial_from_x_minus_x_keeps_its_edge_but_multiplies_for_free() {
            Graph.Builder b = Graph.builder(1);
            b.add(Op.SUB, input(0), input(0)); // #1 ∂/∂x = 0
            b.add(Op.MUL, vertex(1), literal(5.0)); // #2 5
            b.add(Op.COS, vertex(2)); // #3 output
            Graph g = b.outputs(3).build();
            assertEquals(2, g.cost(new int[] {1, 2}, PAPER));
            // #1: 0·5 both constant → 0; #2: 0·var → variable, not ±1 → 1.
            assertEquals(1, g.cost(new int[] {1, 2}, EFFECTIVE));
            // #2 first: 5·var = 1; then #1: 0·var = 1.
            assertEquals(2, g.cost(new int[] {2, 1}, EFFECTIVE));
        }

        /**
         * x → #1 = sin x (output), #2 = stop_gradient(#1), #3 = #2 · x (output), #4 = stop_gradient(x).
         * stop_gradient keeps its operand but has no in-edge, so #1 counts as not consumed.
         */
        @Test
        void stop_gradient_has_an_operand_but_no_in_edge() {
            Graph.Builder b = Graph.builder(1);
            b.add(Op.SIN, input(0));
            b.add(Op.STOP_GRADIENT, vertex(1));
            b.add(Op.MUL, vertex(2), input(0));
            b.add(Op.STOP_GRADIENT, input(0));
            Graph g = b.outputs(1, 3).build();
            assertEquals(List.of(vertex(1)), g.operands(2));
            assertArrayEquals(new int[] {}, g.predIds(2));
            assertArrayEquals(new double[] {}, g.predConstantPartials(2));
            assertArrayEquals(new int[] {}, g.predIds(4));
            assertArrayEquals(new int[] {}, g.succIds(1), "read only through stop_gradient");
            assertArrayEquals(new int[] {1, 3}, g.inputSuccIds(0));
            assertArrayEquals(new int[] {2, 4}, g.eliminable(), "#1 is an output without out-edges");
            // #2: no preds × {#3} = 0; #4: no edges at all.
            assertEquals(0, g.cost(g.forwardOrder(), PAPER));
            assertEquals(0, g.cost(g.reverseOrder(), EFFECTIVE));
            assertNotEquals(g.fingerprint(), variantWithCopy().fingerprint());
        }

        private Graph variantWithCopy() {
            Graph.Builder b = Graph.builder(1);
            b.add(Op.SIN, input(0));
            b.add(Op.COPY, vertex(1));
            b.add(Op.MUL, vertex(2), input(0));
            b.add(Op.STOP_GRADIENT, input(0));
            return b.outputs(1, 3).build();
        }

        @Test
        void vertex_accessors_reject_ids_out_of_range() {
            Graph g = simple();
            assertThrows(IndexOutOfBoundsException.class, () -> g.op(0));
            assertThrows(IndexOutOfBoundsException.class, () -> g.predIds(5));
            assertThrows(IndexOutOfBoundsException.class, () -> g.succIds(-1));
            assertThrows(IndexOutOfBoundsException.class, () -> g.inputSuccIds(2));
            assertThrows(IndexOutOfBoundsException.class, () -> g.isOutput(5));
        }
    }

    @Nested
    class Fingerprint {

        /** Simple, with hooks to perturb one aspect. */
        private Graph variant(Consumer<Graph.Builder> body, int... outputs) {
            Graph.Builder b = Graph.builder(2);
            body.accept(b);
            return b.outputs(outputs).build();
        }

        private void base(Graph.Builder b) {
            b.add(Op.MUL, input(0), literal(2.0));
            b.add(Op.SIN, vertex(1));
            b.add(Op.ADD, vertex(2), input(1));
            b.add(Op.LOG, vertex(2));
        }

        @Test
        void fingerprint_is_stable_across_identical_builds() {
            Graph a = variant(this::base, 3, 4);
            Graph b = variant(this::base, 3, 4);
            assertEquals(a.fingerprint(), b.fingerprint());
            assertEquals(a.fingerprint(), a.fingerprint());
            assertTrue(a.fingerprint().matches("[0-9a-f]{32}"), a.fingerprint());
            assertEquals(simple().fingerprint(), simple().fingerprint());
            assertNotEquals(simple().fingerprint(), hole().fingerprint());
        }

        @Test
        void fingerprint_changes_with_a_literal() {
            Graph changed = variant(b -> {
                b.add(Op.MUL, input(0), literal(2.5));
                b.add(Op.SIN, vertex(1));
                b.add(Op.ADD, vertex(2), input(1));
                b.add(Op.LOG, vertex(2));
            }, 3, 4);
            assertNotEquals(variant(this::base, 3, 4).fingerprint(), changed.fingerprint());
        }

        @Test
        void fingerprint_changes_with_an_op_precision_or_strictness() {
            Graph cos = variant(b -> {
                b.add(Op.MUL, input(0), literal(2.0));
                b.add(Op.COS, vertex(1));
                b.add(Op.ADD, vertex(2), input(1));
                b.add(Op.LOG, vertex(2));
            }, 3, 4);
            Graph single = variant(b -> {
                b.add(Op.MUL, input(0), literal(2.0));
                b.add(Op.SIN, true, vertex(1));
                b.add(Op.ADD, vertex(2), input(1));
                b.add(Op.LOG, vertex(2));
            }, 3, 4);
            Graph strict = variant(b -> {
                b.add(Op.MUL, input(0), literal(2.0));
                b.add(Op.SIN, false, true, vertex(1)); // StrictMath.sin
                b.add(Op.ADD, vertex(2), input(1));
                b.add(Op.LOG, vertex(2));
            }, 3, 4);
            assertTrue(strict.isStrict(2));
            assertFalse(strict.isStrict(1));
            assertEquals(variant(this::base, 3, 4).cost(new int[] {1, 2}, EFFECTIVE), strict.cost(new int[] {1, 2}, EFFECTIVE));
            String base = variant(this::base, 3, 4).fingerprint();
            assertNotEquals(base, cos.fingerprint());
            assertNotEquals(base, single.fingerprint());
            assertNotEquals(cos.fingerprint(), single.fingerprint());
            assertNotEquals(base, strict.fingerprint());
            assertNotEquals(single.fingerprint(), strict.fingerprint());
        }

        @Test
        void fingerprint_changes_with_wiring() {
            Graph otherInput = variant(b -> {
                b.add(Op.MUL, input(0), literal(2.0));
                b.add(Op.SIN, vertex(1));
                b.add(Op.ADD, vertex(2), input(0));
                b.add(Op.LOG, vertex(2));
            }, 3, 4);
            Graph otherVertex = variant(b -> {
                b.add(Op.MUL, input(0), literal(2.0));
                b.add(Op.SIN, vertex(1));
                b.add(Op.ADD, vertex(1), input(1));
                b.add(Op.LOG, vertex(2));
            }, 3, 4);
            Graph swapped = variant(b -> {
                b.add(Op.MUL, literal(2.0), input(0));
                b.add(Op.SIN, vertex(1));
                b.add(Op.ADD, vertex(2), input(1));
                b.add(Op.LOG, vertex(2));
            }, 3, 4);
            Graph literalForInput = variant(b -> {
                b.add(Op.MUL, input(0), literal(2.0));
                b.add(Op.SIN, vertex(1));
                b.add(Op.ADD, vertex(2), literal(2.0));
                b.add(Op.LOG, vertex(2));
            }, 3, 4);
            String base = variant(this::base, 3, 4).fingerprint();
            assertNotEquals(base, otherInput.fingerprint());
            assertNotEquals(base, otherVertex.fingerprint());
            assertNotEquals(base, swapped.fingerprint());
            assertNotEquals(base, literalForInput.fingerprint());
        }

        @Test
        void fingerprint_changes_with_outputs_and_inputs() {
            String base = variant(this::base, 3, 4).fingerprint();
            assertNotEquals(base, variant(this::base, 4, 3).fingerprint(), "return order");
            assertNotEquals(base, variant(this::base, 3).fingerprint(), "fewer outputs");
            assertNotEquals(base, variant(this::base, 2, 3, 4).fingerprint(), "consumed vertex also returned");
            Graph.Builder three = Graph.builder(3);
            base(three);
            assertNotEquals(base, three.outputs(3, 4).build().fingerprint(), "unused extra input");
        }
    }

    @Nested
    class BuilderErrors {

        @Test
        void wrong_arity_is_rejected() {
            Graph.Builder b = Graph.builder(2);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.add(Op.SIN, input(0), input(1)));
            assertTrue(e.getMessage().contains("sin"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> b.add(Op.ADD, input(0)));
            assertThrows(IllegalArgumentException.class, () -> b.add(Op.NEG));
            assertThrows(IllegalArgumentException.class, () -> b.add(Op.POW, input(0), input(1), input(0)));
            assertEquals(0, b.size(), "rejected vertices are not added");
        }

        @Test
        void operand_referring_to_a_future_vertex_is_rejected() {
            Graph.Builder b = Graph.builder(1);
            assertThrows(IllegalArgumentException.class, () -> b.add(Op.SIN, vertex(1)), "self reference");
            b.add(Op.SIN, input(0));
            assertThrows(IllegalArgumentException.class, () -> b.add(Op.ADD, vertex(1), vertex(3)));
            assertThrows(IllegalArgumentException.class, () -> b.add(Op.COS, vertex(2)), "self reference");
            assertEquals(1, b.size());
            assertEquals(2, b.add(Op.COS, vertex(1)));
        }

        @Test
        void operand_referring_to_a_missing_input_is_rejected() {
            Graph.Builder b = Graph.builder(2);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.add(Op.MUL, input(0), input(2)));
            assertTrue(e.getMessage().contains("in3"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Graph.builder(0).add(Op.EXP, input(0)));
            assertEquals(0, b.size());
        }

        @Test
        void duplicate_or_unknown_outputs_are_rejected() {
            Graph.Builder b = Graph.builder(1);
            b.add(Op.SIN, input(0));
            b.add(Op.COS, input(0));
            IllegalArgumentException dup = assertThrows(IllegalArgumentException.class, () -> b.outputs(2, 1, 2));
            assertTrue(dup.getMessage().contains("2"), dup.getMessage());
            assertThrows(IllegalArgumentException.class, () -> b.outputs(0));
            assertThrows(IllegalArgumentException.class, () -> b.outputs(3));
            assertThrows(IllegalArgumentException.class, () -> b.outputs(-1));
            // A rejected call leaves the outputs unset.
            assertEquals(0, b.build().numOutputs());
        }

        @Test
        void invalid_operands_and_sizes_are_rejected() {
            assertThrows(IllegalArgumentException.class, () -> Operand.vertex(0));
            assertThrows(IllegalArgumentException.class, () -> Operand.input(-1));
            assertThrows(IllegalArgumentException.class, () -> Graph.builder(-1));
            assertThrows(NullPointerException.class, () -> Graph.builder(1).add(null, input(0)));
        }
    }

    /** A constant product that is NaN (0·∞) is still a constant: folding it costs nothing. */
    @org.junit.jupiter.api.Test
    void nan_valued_constant_products_stay_constant() {
        Graph.Builder b = Graph.builder(1);
        int zero = b.add(Op.SUB, input(0), input(0));       // partial 0 w.r.t. x
        int inf = b.add(Op.DIV, vertex(zero), literal(0.0)); // partial 1/0 = +inf
        int two = b.add(Op.MUL, vertex(inf), literal(2.0));  // partial 2
        int out = b.add(Op.SIN, vertex(two));
        Graph g = b.outputs(out).build();
        // #1: x·(1/0) folded; #2: 0·∞ = NaN, still a constant, folded; #3: NaN·2 constant · cos variable = 1
        assertEquals(1, g.cost(new int[] {1, 2, 3}, CostMode.EFFECTIVE));
        assertEquals(3, g.cost(new int[] {1, 2, 3}, CostMode.PAPER));
    }
}
