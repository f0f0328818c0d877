package io.crosscountry.elimination;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A deliberately naive, independent re-implementation of scalar vertex elimination used as the test
 * oracle. It reads only the graph's raw description ({@link Graph#op}, {@link Graph#operands},
 * {@link Graph#outputs}) and never touches the production {@code Elimination} class or the
 * derived pred/succ/constant tables.
 *
 * <p>State: dense matrices over all nodes (inputs {@code 0..numInputs-1}, then vertex {@code v} at
 * {@code numInputs + v - 1}): an edge-present flag, a constant flag and the constant's value.
 * Eliminating {@code v} follows the textbook rule: every in-edge times every out-edge is added onto
 * the pred→succ edge, then v's out-edges are removed and, unless v is an output, its in-edges too.
 */
final class ReferenceElimination {

    final int numInputs;
    final int numVertices;
    private final int nodes;
    private final boolean[][] edge;
    private final boolean[][] constant;
    private final double[][] value;
    private final boolean[] output;
    private final boolean[] eliminated;
    private long paperCost;
    private long effectiveCost;

    ReferenceElimination(Graph g) {
        numInputs = g.numInputs();
        numVertices = g.numVertices();
        nodes = numInputs + numVertices;
        edge = new boolean[nodes][nodes];
        constant = new boolean[nodes][nodes];
        value = new double[nodes][nodes];
        output = new boolean[numVertices + 1];
        eliminated = new boolean[numVertices + 1];
        for (int o : g.outputs()) {
            output[o] = true;
        }
        for (int v = 1; v <= numVertices; v++) {
            Op op = g.op(v);
            Operand[] args = g.operands(v).toArray(new Operand[0]);
            int w = node(v);
            for (int pos = 0; pos < args.length; pos++) {
                // stop_gradient, copysign's sign and nextafter's direction: an operand without an in-edge
                boolean readOnly = op == Op.STOP_GRADIENT || (op == Op.COPY_SIGN || op == Op.NEXT_AFTER) && pos == 1;
                if (args[pos].isLiteral() || readOnly) {
                    continue;
                }
                int u = nodeOfRef(args[pos].ref());
                Double partial = localConstantPartial(op, pos, args);
                if (!edge[u][w]) {
                    edge[u][w] = true;
                    constant[u][w] = partial != null;
                    value[u][w] = partial != null ? partial : Double.NaN;
                } else {
                    // The same value used again (x*x, x-x): one edge, partials summed.
                    constant[u][w] = constant[u][w] && partial != null;
                    value[u][w] = constant[u][w] ? value[u][w] + partial : Double.NaN;
                }
            }
        }
    }

    /**
     * The local partial of {@code op} w.r.t. operand {@code pos} when it is a compile-time constant,
     * {@code null} otherwise. Written from the specification (CostMode / Op Javadoc), not from the
     * production table.
     */
    static Double localConstantPartial(Op op, int pos, Operand[] args) {
        switch (op) {
            case ADD:
            case COPY:
            case TO_FLOAT:
                return 1.0;
            case SUB:
                return pos == 0 ? 1.0 : -1.0;
            case NEG:
                return -1.0;
            case MUL: {
                Operand other = args[1 - pos];
                return other.isLiteral() ? other.literal() : null;
            }
            case DIV:
                return pos == 0 && args[1].isLiteral() ? 1.0 / args[1].literal() : null;
            case REM:
            case IEEE_REM:
                return pos == 0 ? 1.0 : null;                 // a % b = a - n·b
            case NEXT_AFTER:
                return pos == 0 ? 1.0 : null;                 // the start's neighbour
            case FMA: {                                       // a·b + c
                if (pos == 2) {
                    return 1.0;
                }
                Operand other = args[1 - pos];
                return other.isLiteral() ? other.literal() : null;
            }

            default:
                return null;
        }
    }

    int node(int vertexId) {
        return numInputs + vertexId - 1;
    }

    private int nodeOfRef(int ref) {
        return ref < 0 ? -ref - 1 : node(ref);
    }

    /** Node index back to the production id convention (inputs -1, -2, ...; vertices 1..n). */
    int idOfNode(int node) {
        return node < numInputs ? -(node + 1) : node - numInputs + 1;
    }

    boolean hasEdge(int fromNode, int toNode) {
        return edge[fromNode][toNode];
    }

    boolean isConstant(int fromNode, int toNode) {
        return constant[fromNode][toNode];
    }

    double constantValue(int fromNode, int toNode) {
        return value[fromNode][toNode];
    }

    /** Vertices that are not outputs, or are outputs read by a later vertex. */
    int[] eliminable() {
        List<Integer> result = new ArrayList<>();
        for (int v = 1; v <= numVertices; v++) {
            if (!output[v] || !succNodes(v).isEmpty()) {
                result.add(v);
            }
        }
        return result.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Current predecessor nodes of vertex {@code v}, ascending node index. */
    List<Integer> predNodes(int v) {
        List<Integer> result = new ArrayList<>();
        int x = node(v);
        for (int u = 0; u < nodes; u++) {
            if (edge[u][x]) {
                result.add(u);
            }
        }
        return result;
    }

    /** Current successor nodes of vertex {@code v}, ascending node index. */
    List<Integer> succNodes(int v) {
        List<Integer> result = new ArrayList<>();
        int x = node(v);
        for (int w = 0; w < nodes; w++) {
            if (edge[x][w]) {
                result.add(w);
            }
        }
        return result;
    }

    /** Current predecessor ids of vertex {@code v} in the production convention, sorted. */
    TreeSet<Integer> predIds(int v) {
        TreeSet<Integer> ids = new TreeSet<>();
        for (int u : predNodes(v)) {
            ids.add(idOfNode(u));
        }
        return ids;
    }

    long markowitzDegree(int v) {
        return (long) predNodes(v).size() * succNodes(v).size();
    }

    /** Eliminates vertex {@code v} (1-based id). */
    void eliminate(int v) {
        if (eliminated[v]) {
            throw new IllegalStateException("vertex " + v + " eliminated twice");
        }
        int x = node(v);
        List<Integer> ins = predNodes(v);
        List<Integer> outs = succNodes(v);
        for (int u : ins) {
            for (int w : outs) {
                boolean inConst = constant[u][x];
                boolean outConst = constant[x][w];
                double product = inConst && outConst ? value[u][x] * value[x][w] : Double.NaN;
                paperCost++;
                boolean unitFactor = (inConst && Math.abs(value[u][x]) == 1.0) || (outConst && Math.abs(value[x][w]) == 1.0);
                if (!unitFactor && !(inConst && outConst)) {
                    effectiveCost++;
                }
                if (edge[u][w]) {
                    boolean sumConst = constant[u][w] && inConst && outConst;
                    value[u][w] = sumConst ? value[u][w] + product : Double.NaN;
                    constant[u][w] = sumConst;
                } else {
                    edge[u][w] = true;
                    constant[u][w] = inConst && outConst;
                    value[u][w] = product;
                }
            }
        }
        for (int w : outs) {
            edge[x][w] = false;
        }
        if (!output[v]) {
            for (int u : ins) {
                edge[u][x] = false;
            }
        }
        eliminated[v] = true;
    }

    /** Eliminates {@code order} and returns the cost in {@code mode}. */
    long run(int[] order, CostMode mode) {
        for (int v : order) {
            eliminate(v);
        }
        return mode == CostMode.PAPER ? paperCost : effectiveCost;
    }

    long paperCost() {
        return paperCost;
    }

    long effectiveCost() {
        return effectiveCost;
    }

    /** The paper's min-Markowitz order, ties to the lowest id, computed on a fresh copy. */
    static int[] markowitzOrder(Graph g) {
        ReferenceElimination r = new ReferenceElimination(g);
        int[] candidates = r.eliminable();
        int[] order = new int[candidates.length];
        for (int step = 0; step < order.length; step++) {
            int best = -1;
            long bestDegree = Long.MAX_VALUE;
            for (int v : candidates) {
                if (!r.eliminated[v] && r.markowitzDegree(v) < bestDegree) {
                    best = v;
                    bestDegree = r.markowitzDegree(v);
                }
            }
            order[step] = best;
            r.eliminate(best);
        }
        return order;
    }

    /** Cost of {@code order} on a fresh reference state. */
    static long cost(Graph g, int[] order, CostMode mode) {
        return new ReferenceElimination(g).run(order, mode);
    }
}
