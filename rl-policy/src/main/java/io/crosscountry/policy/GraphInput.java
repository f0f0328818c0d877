package io.crosscountry.policy;

/**
 * What the policy network sees of one elimination state: the nodes of the current graph (inputs and
 * the vertices not yet eliminated, outputs included), a feature row per node, the current edges as
 * compressed predecessor and successor lists, and which nodes may be eliminated now.
 *
 * <p>Built by {@link Features#encode}; arrays are owned by this value and must not be changed.
 *
 * @param numNodes    nodes in the current graph
 * @param numFeatures features per node ({@link Features#COUNT})
 * @param features    {@code numNodes × numFeatures}, row-major
 * @param predStart   {@code numNodes + 1} offsets into {@code predIndex}
 * @param predIndex   node indices of each node's current predecessors
 * @param succStart   {@code numNodes + 1} offsets into {@code succIndex}
 * @param succIndex   node indices of each node's current successors
 * @param vertexIds   the graph id of each node (vertex ids 1..n, inputs {@code -1, -2, …})
 * @param legal       whether each node may be eliminated now (the action mask)
 */
public record GraphInput(int numNodes, int numFeatures, float[] features,
                         int[] predStart, int[] predIndex, int[] succStart, int[] succIndex,
                         int[] vertexIds, boolean[] legal) {

    /** Checks the shapes (cheap; called once per encoding). */
    public GraphInput {
        if (features.length != numNodes * numFeatures || predStart.length != numNodes + 1
                || succStart.length != numNodes + 1 || vertexIds.length != numNodes || legal.length != numNodes
                || predStart[numNodes] != predIndex.length || succStart[numNodes] != succIndex.length) {
            throw new IllegalArgumentException("inconsistent graph input shapes");
        }
    }

    /** The number of legal actions. */
    public int numLegal() {
        int c = 0;
        for (boolean b : legal) {
            if (b) {
                c++;
            }
        }
        return c;
    }
}
