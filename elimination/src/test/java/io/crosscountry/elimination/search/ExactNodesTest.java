package io.crosscountry.elimination.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The transposition table keys sets exactly, grows, and respects its node budget. */
class ExactNodesTest {

    @Test
    void every_stored_set_is_found_with_its_fields_and_absent_sets_are_not() {
        SplittableRandom random = new SplittableRandom(3);
        ExactNodes nodes = new ExactNodes(2, 1 << 20);
        Map<String, Integer> reference = new HashMap<>();
        long[] set = new long[2];
        for (int i = 0; i < 50_000; i++) {
            set[0] = random.nextLong() & 0xFFFF; // few bits: many sets share hash slots and probe
            set[1] = random.nextInt(4);
            String key = set[0] + "/" + set[1];
            int found = nodes.find(set);
            if (reference.containsKey(key)) {
                assertEquals((int) reference.get(key), found);
            } else {
                assertEquals(-1, found);
                int n = nodes.add(set, i, 2L * i, i % 2 == 0, i - 1, i % 7);
                reference.put(key, n);
            }
        }
        assertEquals(reference.size(), nodes.size());
        long[] out = new long[2];
        for (Map.Entry<String, Integer> e : reference.entrySet()) {
            int n = e.getValue();
            nodes.set(n, out);
            assertEquals(e.getKey(), out[0] + "/" + out[1]);
            assertEquals(n, nodes.find(out));
            assertEquals(2 * nodes.g(n), nodes.h(n));
            assertEquals(nodes.g(n) % 2 == 0, nodes.hExact(n));
        }
    }

    @Test
    void improve_close_and_budget() {
        ExactNodes nodes = new ExactNodes(1, 3);
        int a = nodes.add(new long[] {1}, 10, 5, false, -1, -1);
        int b = nodes.add(new long[] {3}, 12, 4, true, a, 2);
        nodes.add(new long[] {7}, 1, 1, true, b, 3);
        assertEquals(-1, nodes.add(new long[] {15}, 1, 1, true, b, 4), "budget of 3 nodes");
        nodes.improve(b, 7, -1, 9);
        nodes.setClosed(b, true);
        nodes.setH(a, 6, true);
        assertEquals(7, nodes.g(b));
        assertEquals(9, nodes.last(b));
        assertTrue(nodes.closed(b));
        assertFalse(nodes.closed(a));
        assertTrue(nodes.hExact(a));
        assertEquals(6, nodes.h(a));
        long[] out = new long[1];
        nodes.set(b, out);
        assertArrayEquals(new long[] {3}, out);
    }

    @Test
    void open_list_pops_in_priority_order() {
        ExactOpenList open = new ExactOpenList();
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 10_000; i++) {
            open.push(random.nextInt(1000), i);
        }
        long last = Long.MIN_VALUE;
        int count = 0;
        while (!open.isEmpty()) {
            long p = open.peekPriority();
            assertTrue(p >= last);
            last = p;
            open.pop();
            count++;
        }
        assertEquals(10_000, count);
    }
}
