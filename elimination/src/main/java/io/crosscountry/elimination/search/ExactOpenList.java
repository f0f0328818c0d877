package io.crosscountry.elimination.search;

import java.util.Arrays;

/**
 * The open list of {@link ExactSearch}: a binary min-heap of (priority, node) pairs. A node may be
 * pushed more than once (after a cheaper path or a better bound); the searcher skips stale entries
 * when it pops them. The minimum priority over all entries, stale ones included, never exceeds the
 * minimum over live ones, so {@link #peekPriority()} is always safe as a lower bound.
 */
final class ExactOpenList {

    private long[] keys = new long[1024];
    private int[] nodes = new int[1024];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    void push(long key, int node) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            nodes = Arrays.copyOf(nodes, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (keys[p] <= key) {
                break;
            }
            keys[i] = keys[p];
            nodes[i] = nodes[p];
            i = p;
        }
        keys[i] = key;
        nodes[i] = node;
    }

    long peekPriority() {
        return keys[0];
    }

    int peekNode() {
        return nodes[0];
    }

    /** Removes the minimum entry (read it first with {@link #peekPriority()} / {@link #peekNode()}). */
    void pop() {
        long key = keys[--size];
        int node = nodes[size];
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int c = 2 * i + 1;
            if (c + 1 < size && keys[c + 1] < keys[c]) {
                c++;
            }
            if (key <= keys[c]) {
                break;
            }
            keys[i] = keys[c];
            nodes[i] = nodes[c];
            i = c;
        }
        if (size > 0) {
            keys[i] = key;
            nodes[i] = node;
        }
    }
}
