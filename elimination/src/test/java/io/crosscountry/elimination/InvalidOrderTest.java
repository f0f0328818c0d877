package io.crosscountry.elimination;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.crosscountry.elimination.RandomGraphs.GraphCase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link Graph#validate(int[])} and {@link Graph#cost(int[], CostMode)} on orders that are not permutations of eliminable(). */
class InvalidOrderTest {

    private static final String MISSING = "missing eliminable vertices";
    private static final String DUPLICATES = "duplicate ids";
    private static final String UNKNOWN = "unknown ids";
    private static final String OUTPUTS = "output vertices (never eliminated)";

    /** Hole: eliminable 1..5, outputs 6, 7, 8. */
    private final Graph hole = GraphTest.hole();

    private static InvalidOrderException rejected(Graph g, int... order) {
        InvalidOrderException e = assertThrows(InvalidOrderException.class, () -> g.validate(order));
        // cost() validates the same way, in both modes, with the same report.
        for (CostMode mode : CostMode.values()) {
            InvalidOrderException viaCost = assertThrows(InvalidOrderException.class, () -> g.cost(order, mode));
            assertEquals(e.getMessage(), viaCost.getMessage());
        }
        return e;
    }

    /** The id list the message gives after {@code heading}, or {@code null} when the heading is absent. */
    private static List<Integer> listed(String message, String heading) {
        Matcher m = Pattern.compile(Pattern.quote(heading) + " \\[([-0-9, ]*)\\]").matcher(message);
        if (!m.find()) {
            assertTrue(!message.contains(heading), "unparsable message: " + message);
            return null;
        }
        List<Integer> ids = new ArrayList<>();
        for (String s : m.group(1).split(",")) {
            if (!s.isBlank()) {
                ids.add(Integer.parseInt(s.trim()));
            }
        }
        return ids;
    }

    /** Checks accessors and message against the expected categories (empty = must not be mentioned). */
    private static void assertReport(InvalidOrderException e, List<Integer> missing, List<Integer> duplicates,
            List<Integer> unknown, List<Integer> outputs) {
        assertEquals(missing, e.missing(), "missing()");
        assertEquals(duplicates, e.duplicates(), "duplicates()");
        assertEquals(unknown, e.unknown(), "unknown()");
        assertEquals(outputs, e.outputs(), "outputs()");
        String msg = e.getMessage();
        assertTrue(msg.startsWith("invalid elimination order:"), msg);
        assertEquals(missing.isEmpty() ? null : missing, listed(msg, MISSING), msg);
        assertEquals(duplicates.isEmpty() ? null : duplicates, listed(msg, DUPLICATES), msg);
        assertEquals(unknown.isEmpty() ? null : unknown, listed(msg, UNKNOWN), msg);
        assertEquals(outputs.isEmpty() ? null : outputs, listed(msg, OUTPUTS), msg);
    }

    @Test
    void missing_ids_are_listed() {
        InvalidOrderException e = rejected(hole, 5, 1, 3);
        assertReport(e, List.of(2, 4), List.of(), List.of(), List.of());
    }

    @Test
    void empty_order_misses_every_eliminable_vertex() {
        InvalidOrderException e = rejected(hole);
        assertReport(e, List.of(1, 2, 3, 4, 5), List.of(), List.of(), List.of());
    }

    @Test
    void duplicate_ids_are_listed_once_each() {
        InvalidOrderException e = rejected(hole, 4, 2, 1, 3, 2, 5, 2, 4);
        assertReport(e, List.of(), List.of(2, 4), List.of(), List.of());
    }

    @Test
    void unknown_ids_are_listed() {
        InvalidOrderException e = rejected(hole, 1, 2, 9, 3, 4, 0, 5, -3, 9);
        assertReport(e, List.of(), List.of(), List.of(-3, 0, 9), List.of());
    }

    @Test
    void unconsumed_output_ids_are_listed() {
        InvalidOrderException e = rejected(hole, 1, 7, 2, 3, 4, 5, 6);
        assertReport(e, List.of(), List.of(), List.of(), List.of(6, 7));
    }

    @Test
    void consumed_output_is_accepted_but_final_output_is_not() {
        Graph lighthouse = GraphTest.lighthouse();
        assertDoesNotThrow(() -> lighthouse.validate(new int[] {7, 6, 5, 4, 3, 2, 1}));
        InvalidOrderException e = rejected(lighthouse, 7, 6, 5, 4, 3, 2, 1, 8);
        assertReport(e, List.of(), List.of(), List.of(), List.of(8));
        InvalidOrderException withoutSeven = rejected(lighthouse, 6, 5, 4, 3, 2, 1);
        assertReport(withoutSeven, List.of(7), List.of(), List.of(), List.of());
    }

    @Test
    void combined_bad_order_lists_all_categories() {
        InvalidOrderException e = rejected(hole, 1, 1, 3, 9, 6, 3, 8, -1, 6);
        assertReport(e, List.of(2, 4, 5), List.of(1, 3, 6), List.of(-1, 9), List.of(6, 8));
        String msg = e.getMessage();
        assertTrue(msg.indexOf(MISSING) < msg.indexOf(DUPLICATES)
                && msg.indexOf(DUPLICATES) < msg.indexOf(UNKNOWN)
                && msg.indexOf(UNKNOWN) < msg.indexOf(OUTPUTS), msg);
    }

    @Test
    void exception_lists_are_immutable_and_it_is_an_illegal_argument() {
        InvalidOrderException e = rejected(hole, 1, 1, 9, 6);
        assertThrows(UnsupportedOperationException.class, () -> e.missing().add(1));
        assertThrows(UnsupportedOperationException.class, () -> e.duplicates().clear());
        assertThrows(UnsupportedOperationException.class, () -> e.unknown().add(1));
        assertThrows(UnsupportedOperationException.class, () -> e.outputs().add(1));
        assertTrue(e instanceof IllegalArgumentException);
    }

    @Test
    void null_order_is_rejected() {
        assertThrows(NullPointerException.class, () -> hole.validate(null));
        assertThrows(NullPointerException.class, () -> hole.cost(null, CostMode.EFFECTIVE));
    }

    // ---------------------------------------------------------------------------------------------
    // Random corruptions of valid orders on random graphs.

    /** A graph, one of its valid orders, and edits: drop, duplicate, insert unknown / non-eliminable ids. */
    record Corrupted(GraphCase graphCase, int[] order) {
        @Override
        public String toString() {
            return graphCase + "order: " + Arrays.toString(order);
        }
    }

    @Provide
    Arbitrary<Corrupted> corruptedOrders() {
        return RandomGraphs.graphs().flatMap(gc -> {
            Graph g = gc.graph();
            int n = g.numVertices();
            List<Integer> eliminable = RandomGraphs.boxed(g.eliminable());
            Arbitrary<List<Integer>> shuffled = Arbitraries.shuffle(eliminable);
            Arbitrary<List<Integer>> edits = Arbitraries.integers().between(0, 1_000_000).list().ofMaxSize(6);
            return Combinators.combine(shuffled, edits).as((base, ed) -> {
                List<Integer> order = new ArrayList<>(base);
                for (int edit : ed) {
                    int at = order.isEmpty() ? 0 : edit % (order.size() + 1);
                    switch (edit % 4) {
                        case 0 -> { // drop one
                            if (!order.isEmpty()) {
                                order.remove(Math.min(at, order.size() - 1));
                            }
                        }
                        case 1 -> { // duplicate one
                            if (!order.isEmpty()) {
                                order.add(at, order.get((edit / 4) % order.size()));
                            }
                        }
                        case 2 -> order.add(at, (edit / 4) % 3 == 0 ? -(edit / 12 % 5) : n + 1 + edit / 12 % 5); // unknown
                        default -> order.add(at, 1 + (edit / 4) % n); // any vertex, possibly an unconsumed output
                    }
                }
                return new Corrupted(gc, order.stream().mapToInt(Integer::intValue).toArray());
            });
        });
    }

    @Property(tries = 1000)
    void random_bad_orders_report_exactly_the_offending_ids(@ForAll("corruptedOrders") Corrupted c) {
        Graph g = c.graphCase().graph();
        int n = g.numVertices();
        Set<Integer> eliminable = new TreeSet<>(RandomGraphs.boxed(g.eliminable()));
        Map<Integer, Integer> count = new HashMap<>();
        Set<Integer> unknown = new TreeSet<>();
        for (int v : c.order()) {
            if (v < 1 || v > n) {
                unknown.add(v);
            } else {
                count.merge(v, 1, Integer::sum);
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int v : eliminable) {
            if (!count.containsKey(v)) {
                missing.add(v);
            }
        }
        List<Integer> duplicates = new ArrayList<>();
        List<Integer> outputs = new ArrayList<>();
        for (int v = 1; v <= n; v++) {
            if (count.getOrDefault(v, 0) > 1) {
                duplicates.add(v);
            }
            if (count.containsKey(v) && !eliminable.contains(v)) {
                outputs.add(v);
            }
        }
        if (missing.isEmpty() && duplicates.isEmpty() && unknown.isEmpty() && outputs.isEmpty()) {
            assertDoesNotThrow(() -> g.validate(c.order()));
            assertEquals(ReferenceElimination.cost(g, c.order(), CostMode.EFFECTIVE), g.cost(c.order(), CostMode.EFFECTIVE));
            return;
        }
        InvalidOrderException e = rejected(g, c.order());
        assertReport(e, missing, duplicates, new ArrayList<>(unknown), outputs);
    }
}
