package io.crosscountry.elimination.heuristics;

/**
 * An indexed binary min-heap of vertex ids ordered by (primary score, secondary score, id), with
 * the id direction given by a {@link TieBreak}. The scores live in arrays owned by the caller;
 * after changing a member's scores the caller calls {@link #update(int)}.
 */
final class CandidateHeap {

    private final long[] primary;
    private final long[] secondary;
    private final boolean highestIdFirst;
    private final int[] heap;
    private final int[] position; // by id; -1 when absent
    private int size;

    CandidateHeap(long[] primary, long[] secondary, TieBreak ties) {
        this.primary = primary;
        this.secondary = secondary;
        this.highestIdFirst = ties == TieBreak.HIGHEST_ID;
        this.heap = new int[primary.length];
        this.position = new int[primary.length];
        java.util.Arrays.fill(position, -1);
    }

    int size() {
        return size;
    }

    boolean contains(int id) {
        return position[id] >= 0;
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            position[heap[i]] = -1;
        }
        size = 0;
    }

    /** Adds {@code id} (not yet a member). */
    void add(int id) {
        heap[size] = id;
        position[id] = size;
        siftUp(size++);
    }

    /** Removes and returns the minimum. */
    int poll() {
        int top = heap[0];
        removeAt(0);
        return top;
    }

    /** Removes {@code id} if it is a member. */
    void remove(int id) {
        int at = position[id];
        if (at >= 0) {
            removeAt(at);
        }
    }

    /** Restores the heap order after the scores of member {@code id} changed. */
    void update(int id) {
        int at = position[id];
        if (at >= 0) {
            siftDown(siftUp(at));
        }
    }

    private void removeAt(int at) {
        int id = heap[at];
        position[id] = -1;
        int last = heap[--size];
        if (at < size) {
            heap[at] = last;
            position[last] = at;
            siftDown(siftUp(at));
        }
    }

    private boolean less(int a, int b) {
        if (primary[a] != primary[b]) {
            return primary[a] < primary[b];
        }
        if (secondary[a] != secondary[b]) {
            return secondary[a] < secondary[b];
        }
        return highestIdFirst ? a > b : a < b;
    }

    private int siftUp(int at) {
        int id = heap[at];
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            int p = heap[parent];
            if (!less(id, p)) {
                break;
            }
            heap[at] = p;
            position[p] = at;
            at = parent;
        }
        heap[at] = id;
        position[id] = at;
        return at;
    }

    private void siftDown(int at) {
        int id = heap[at];
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && less(heap[child + 1], heap[child])) {
                child++;
            }
            int c = heap[child];
            if (!less(c, id)) {
                break;
            }
            heap[at] = c;
            position[c] = at;
            at = child;
        }
        heap[at] = id;
        position[id] = at;
    }
}
