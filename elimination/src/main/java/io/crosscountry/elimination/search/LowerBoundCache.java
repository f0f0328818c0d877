package io.crosscountry.elimination.search;

/**
 * A direct-mapped memo of vertex bounds. A vertex bound depends only on the vertex, on which of
 * its ancestors and descendants are eliminated, and on which members of its group are present
 * (see {@link LowerBounds}), so the key is (vertex, present members, eliminated set ∩ relevant
 * set). Keys are stored in full and compared exactly, so a hit is always the right value; a
 * colliding key simply replaces the slot.
 */
final class LowerBoundCache {

    private final int words;
    private final long[] keys;    // per slot: head, then the masked words
    private final long[] values;  // value + 1; 0 = empty
    private final int mask;

    /**
     * A cache of at most about {@code maxBytes} for eliminated sets of {@code words} 64-bit words,
     * and of no more than {@code usefulSlots} slots (small graphs have few distinct keys).
     */
    LowerBoundCache(int words, long maxBytes, long usefulSlots) {
        this.words = words;
        long perSlot = 8L * (words + 2);
        long slotCount = Math.min(Math.min(1 << 22, maxBytes / perSlot), Math.max(1024, usefulSlots));
        int slots = Integer.highestOneBit((int) Math.max(1024, slotCount));
        this.keys = new long[slots * (words + 1)];
        this.values = new long[slots];
        this.mask = slots - 1;
    }

    /** The cached value, or -1. */
    long get(long head, long[] eliminated, long[] relevant) {
        int slot = slot(head, eliminated, relevant);
        if (values[slot] == 0) {
            return -1;
        }
        int base = slot * (words + 1);
        if (keys[base] != head) {
            return -1;
        }
        for (int w = 0; w < words; w++) {
            if (keys[base + 1 + w] != (eliminated[w] & relevant[w])) {
                return -1;
            }
        }
        return values[slot] - 1;
    }

    void put(long head, long[] eliminated, long[] relevant, long value) {
        int slot = slot(head, eliminated, relevant);
        int base = slot * (words + 1);
        keys[base] = head;
        for (int w = 0; w < words; w++) {
            keys[base + 1 + w] = eliminated[w] & relevant[w];
        }
        values[slot] = value + 1;
    }

    private int slot(long head, long[] eliminated, long[] relevant) {
        long x = head * 0x9E3779B97F4A7C15L;
        for (int w = 0; w < words; w++) {
            x = (x ^ (eliminated[w] & relevant[w])) * 0xBF58476D1CE4E5B9L;
            x ^= x >>> 29;
        }
        return (int) (x ^ (x >>> 32)) & mask;
    }
}
