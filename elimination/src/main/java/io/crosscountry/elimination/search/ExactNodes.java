package io.crosscountry.elimination.search;

import java.util.Arrays;

/**
 * The search nodes of {@link ExactSearch} and its transposition table: one node per eliminated
 * <em>set</em> (the remaining graph depends only on the set), keyed by the set's exact bitset, so
 * two sets never share a node (no hash-collision risk: equality is checked on the stored bits).
 *
 * <p>Each node keeps the cheapest cost-so-far found for its set (g), a lower bound on its cost to go
 * (h, and whether h was computed for this set or only inherited from a parent), the parent node and
 * the vertex eliminated last on that cheapest path (to rebuild the order), and whether it was
 * expanded. Storage is primitive arrays grown by doubling up to a fixed node budget; {@link #add}
 * returns -1 once the budget is spent.
 */
final class ExactNodes {

    /** Approximate bytes per node: set words, g, h, parent, last, flags, and the hash slots. */
    static long bytesPerNode(int words) {
        return 8L * words + 8 + 8 + 4 + 4 + 1 + 2 * 4;
    }

    private final int words;
    private final int maxNodes;
    private long[] bits;
    private long[] g;
    private long[] h;
    private int[] parent;
    private int[] last;
    private byte[] flags;
    private int size;
    private int[] slots; // node index + 1, 0 = empty
    private int mask;

    static final byte CLOSED = 1;
    static final byte H_EXACT = 2; // h computed for this set (not inherited)

    ExactNodes(int words, int maxNodes) {
        this.words = words;
        this.maxNodes = maxNodes;
        int cap = Math.min(maxNodes, 1 << 12);
        bits = new long[cap * words];
        g = new long[cap];
        h = new long[cap];
        parent = new int[cap];
        last = new int[cap];
        flags = new byte[cap];
        slots = new int[Integer.highestOneBit(Math.max(16, cap * 2 - 1)) << 1];
        mask = slots.length - 1;
    }

    int size() {
        return size;
    }

    /** The node of {@code set}, or -1. */
    int find(long[] set) {
        int i = hash(set, 0) & mask;
        while (true) {
            int s = slots[i];
            if (s == 0) {
                return -1;
            }
            if (equalsAt(s - 1, set)) {
                return s - 1;
            }
            i = (i + 1) & mask;
        }
    }

    /** Adds a node for {@code set} (which must be absent); -1 when the node budget is spent. */
    int add(long[] set, long gValue, long hValue, boolean hExact, int parentNode, int lastVertex) {
        if (size >= maxNodes) {
            return -1;
        }
        if (size == g.length) {
            grow();
        }
        int n = size++;
        System.arraycopy(set, 0, bits, n * words, words);
        g[n] = gValue;
        h[n] = hValue;
        parent[n] = parentNode;
        last[n] = lastVertex;
        flags[n] = hExact ? H_EXACT : 0;
        if (2L * size > slots.length) {
            rehash(slots.length * 2);
        }
        insertSlot(n);
        return n;
    }

    long g(int n) {
        return g[n];
    }

    long h(int n) {
        return h[n];
    }

    int parent(int n) {
        return parent[n];
    }

    int last(int n) {
        return last[n];
    }

    boolean closed(int n) {
        return (flags[n] & CLOSED) != 0;
    }

    boolean hExact(int n) {
        return (flags[n] & H_EXACT) != 0;
    }

    void setClosed(int n, boolean closed) {
        flags[n] = (byte) (closed ? flags[n] | CLOSED : flags[n] & ~CLOSED);
    }

    /** Records a cheaper path to node n. */
    void improve(int n, long gValue, int parentNode, int lastVertex) {
        g[n] = gValue;
        parent[n] = parentNode;
        last[n] = lastVertex;
    }

    void setH(int n, long hValue, boolean exact) {
        h[n] = hValue;
        if (exact) {
            flags[n] |= H_EXACT;
        }
    }

    /** Copies node n's set into {@code out}. */
    void set(int n, long[] out) {
        System.arraycopy(bits, n * words, out, 0, words);
    }

    private boolean equalsAt(int n, long[] set) {
        int base = n * words;
        for (int w = 0; w < words; w++) {
            if (bits[base + w] != set[w]) {
                return false;
            }
        }
        return true;
    }

    private int hash(long[] a, int offset) {
        long x = 0x9E3779B97F4A7C15L;
        for (int w = 0; w < words; w++) {
            x = (x ^ a[offset + w]) * 0xBF58476D1CE4E5B9L;
            x ^= x >>> 31;
        }
        return (int) (x ^ (x >>> 32));
    }

    private void insertSlot(int n) {
        int i = hash(bits, n * words) & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = n + 1;
    }

    private void grow() {
        int cap = (int) Math.min(maxNodes, 2L * g.length);
        bits = Arrays.copyOf(bits, cap * words);
        g = Arrays.copyOf(g, cap);
        h = Arrays.copyOf(h, cap);
        parent = Arrays.copyOf(parent, cap);
        last = Arrays.copyOf(last, cap);
        flags = Arrays.copyOf(flags, cap);
    }

    private void rehash(int length) {
        slots = new int[length];
        mask = length - 1;
        for (int n = 0; n < size; n++) {
            insertSlot(n);
        }
    }
}
