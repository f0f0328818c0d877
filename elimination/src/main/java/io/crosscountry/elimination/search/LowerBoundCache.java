package io.crosscountry.elimination.search;

/**
 * A direct-mapped memo of vertex bounds. A vertex bound depends only on the vertex and on which of
 * its ancestors and descendants are eliminated and which are marked present (see
 * {@link LowerBounds}), so the key is (vertex, eliminated set ∩ relevant set, present set ∩
 * relevant set) — the same whichever group asks, so candidate groups share it. Keys are stored in
 * full and compared exactly, so a hit is always the right value; a colliding key simply replaces
 * the slot.
 */
final class LowerBoundCache {

    private final int words;
    private final long[] keys;    // per slot: the vertex, then the masked eliminated and present words
    private final long[] values;  // value + 1; 0 = empty
    private final int mask;

    /**
     * A cache of at most about {@code maxBytes} for vertex sets of {@code words} 64-bit words,
     * and of no more than {@code usefulSlots} slots (small graphs have few distinct keys).
     */
    LowerBoundCache(int words, long maxBytes, long usefulSlots) {
        this.words = words;
        long perSlot = 8L * (2 * words + 2);
        long slotCount = Math.min(Math.min(1 << 22, maxBytes / perSlot), Math.max(1024, usefulSlots));
        int slots = Integer.highestOneBit((int) Math.max(1024, slotCount));
        this.keys = new long[slots * (2 * words + 1)];
        this.values = new long[slots];
        this.mask = slots - 1;
    }

    /** The cached value, or -1. */
    long get(int vertex, long[] eliminated, long[] present, long[] relevant) {
        int slot = slot(vertex, eliminated, present, relevant);
        if (values[slot] == 0) {
            return -1;
        }
        int base = slot * (2 * words + 1);
        if (keys[base] != vertex) {
            return -1;
        }
        for (int w = 0; w < words; w++) {
            if (keys[base + 1 + w] != (eliminated[w] & relevant[w])
                    || keys[base + 1 + words + w] != (present[w] & relevant[w])) {
                return -1;
            }
        }
        return values[slot] - 1;
    }

    void put(int vertex, long[] eliminated, long[] present, long[] relevant, long value) {
        int slot = slot(vertex, eliminated, present, relevant);
        int base = slot * (2 * words + 1);
        keys[base] = vertex;
        for (int w = 0; w < words; w++) {
            keys[base + 1 + w] = eliminated[w] & relevant[w];
            keys[base + 1 + words + w] = present[w] & relevant[w];
        }
        values[slot] = value + 1;
    }

    private int slot(int vertex, long[] eliminated, long[] present, long[] relevant) {
        long x = (vertex + 1) * 0x9E3779B97F4A7C15L;
        for (int w = 0; w < words; w++) {
            x = (x ^ (eliminated[w] & relevant[w])) * 0xBF58476D1CE4E5B9L;
            x ^= x >>> 29;
            x = (x ^ (present[w] & relevant[w])) * 0x94D049BB133111EBL;
            x ^= x >>> 31;
        }
        return (int) (x ^ (x >>> 32)) & mask;
    }
}
