package io.crosscountry.elimination;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An immutable scalar computational graph: inputs, vertices (one scalar operation each, numbered
 * {@code 1..n} in execution order) and outputs.
 *
 * <p>Each vertex reads operands (inputs, earlier vertices, literals). Each distinct non-literal
 * operand gives one edge carrying the local partial derivative; an operation that uses the same
 * value twice ({@code x*x}) has one edge; {@link Op#STOP_GRADIENT} has no in-edge. Vertex elimination (see {@link #cost(int[], CostMode)})
 * turns the graph into its Jacobian: eliminating {@code v} multiplies every in-edge with every
 * out-edge and adds the products onto the predecessor→successor edges.
 *
 * <p>Output vertices are never eliminated. An output that a later vertex also consumes is
 * eliminable: eliminating it folds its out-edges into its successors and keeps its in-edges, which
 * become its own Jacobian row (the convention of the graphax interpreter; see the README).
 *
 * <p>Ids: vertices are {@code 1..numVertices()}; in {@link #predIds(int)} inputs appear as
 * {@code -1, -2, …} in flattened parameter order.
 */
public final class Graph {

    private final int numInputs;
    private final Op[] ops;
    private final boolean[] singlePrecision;
    private final boolean[] strict;
    private final Operand[][] operands;
    private final int[] outputs;

    // Derived structure, indexed by vertex id - 1.
    private final int[][] preds;            // distinct pred ids (inputs negative), operand order
    private final double[][] predConstants; // constant partial of each pred edge, NaN if variable
    private final int[][] succs;            // distinct successor vertex ids of each vertex, ascending
    private final int[][] inputSuccs;       // distinct successor vertex ids of each input, ascending
    private final boolean[] output;
    private final int[] eliminable;
    private volatile String fingerprint;

    private Graph(Builder b) {
        this.numInputs = b.numInputs;
        int n = b.ops.size();
        this.ops = b.ops.toArray(new Op[0]);
        this.singlePrecision = new boolean[n];
        this.strict = new boolean[n];
        for (int i = 0; i < n; i++) {
            singlePrecision[i] = b.single.get(i);
            strict[i] = b.strict.get(i);
        }
        this.operands = b.operands.toArray(new Operand[0][]);
        this.outputs = b.outputs.clone();
        this.preds = new int[n][];
        this.predConstants = new double[n][];
        List<Set<Integer>> succSets = new ArrayList<>();
        for (int i = 0; i < numInputs + n; i++) {
            succSets.add(new TreeSet<>());
        }
        for (int v = 1; v <= n; v++) {
            Operand[] ops = operands[v - 1];
            double[] literals = new double[ops.length];
            LinkedHashSet<Integer> distinct = new LinkedHashSet<>();
            for (int i = 0; i < ops.length; i++) {
                literals[i] = ops[i].isLiteral() ? ops[i].literal() : Double.NaN;
                if (!ops[i].isLiteral() && this.ops[v - 1].differentiable(i)) {
                    distinct.add(ops[i].ref());
                }
            }
            int[] p = distinct.stream().mapToInt(Integer::intValue).toArray();
            double[] c = new double[p.length];
            for (int k = 0; k < p.length; k++) {
                double sum = 0.0;
                for (int i = 0; i < ops.length; i++) {
                    if (!ops[i].isLiteral() && ops[i].ref() == p[k] && this.ops[v - 1].differentiable(i)) {
                        sum += this.ops[v - 1].constantPartial(i, literals);
                    }
                }
                c[k] = sum;
                succSets.get(node(p[k])).add(v);
            }
            preds[v - 1] = p;
            predConstants[v - 1] = c;
        }
        this.inputSuccs = new int[numInputs][];
        for (int k = 0; k < numInputs; k++) {
            inputSuccs[k] = succSets.get(k).stream().mapToInt(Integer::intValue).toArray();
        }
        this.succs = new int[n][];
        for (int v = 1; v <= n; v++) {
            succs[v - 1] = succSets.get(numInputs + v - 1).stream().mapToInt(Integer::intValue).toArray();
        }
        this.output = new boolean[n];
        for (int o : outputs) {
            output[o - 1] = true;
        }
        List<Integer> elim = new ArrayList<>();
        for (int v = 1; v <= n; v++) {
            if (!output[v - 1] || succs[v - 1].length > 0) {
                elim.add(v);
            }
        }
        this.eliminable = elim.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Starts a graph with {@code numInputs} scalar inputs. */
    public static Builder builder(int numInputs) {
        return new Builder(numInputs);
    }

    /** The number of scalar inputs (independents). */
    public int numInputs() {
        return numInputs;
    }

    /** The number of vertices (operations). */
    public int numVertices() {
        return ops.length;
    }

    /** The number of outputs (dependents). */
    public int numOutputs() {
        return outputs.length;
    }

    /** The output vertex ids in return order (a vertex appears at most once). */
    public int[] outputs() {
        return outputs.clone();
    }

    /** Whether vertex {@code id} is an output. */
    public boolean isOutput(int id) {
        return output[checkId(id) - 1];
    }

    /** The operation of vertex {@code id}. */
    public Op op(int id) {
        return ops[checkId(id) - 1];
    }

    /** Whether vertex {@code id} computes in float ({@code fadd}, {@code d2f}, …) rather than double. */
    public boolean isSinglePrecision(int id) {
        return singlePrecision[checkId(id) - 1];
    }

    /**
     * Whether vertex {@code id} is a {@code java.lang.StrictMath} function, whose values may differ
     * from {@code java.lang.Math}'s in the last bit.
     */
    public boolean isStrict(int id) {
        return strict[checkId(id) - 1];
    }

    /** The operands of vertex {@code id}, in operation order. */
    public List<Operand> operands(int id) {
        return List.of(operands[checkId(id) - 1]);
    }

    /**
     * The in-edges of vertex {@code id}: its distinct non-literal operands (none for
     * {@link Op#STOP_GRADIENT}), vertex ids, inputs as {@code -1, -2, …}.
     */
    public int[] predIds(int id) {
        return preds[checkId(id) - 1].clone();
    }

    /**
     * The constant local partials of the in-edges of {@code id}, aligned with {@link #predIds(int)};
     * {@code NaN} where the partial depends on values.
     */
    public double[] predConstantPartials(int id) {
        return predConstants[checkId(id) - 1].clone();
    }

    /** The vertices that read vertex {@code id}, ascending. */
    public int[] succIds(int id) {
        return succs[checkId(id) - 1].clone();
    }

    /** The vertices that read input {@code index} (0-based), ascending. */
    public int[] inputSuccIds(int index) {
        Objects.checkIndex(index, numInputs);
        return inputSuccs[index].clone();
    }

    /**
     * The vertices an order must eliminate, ascending: every vertex except outputs that no later
     * vertex reads.
     */
    public int[] eliminable() {
        return eliminable.clone();
    }

    /** Forward mode: the eliminable vertices in ascending id order. */
    public int[] forwardOrder() {
        return eliminable.clone();
    }

    /** Reverse mode: the eliminable vertices in descending id order. */
    public int[] reverseOrder() {
        int[] r = new int[eliminable.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = eliminable[eliminable.length - 1 - i];
        }
        return r;
    }

    /**
     * The paper's minimal-Markowitz order: repeatedly eliminate the vertex with the smallest
     * |preds|·|succs| in the current graph, ties to the lowest id.
     */
    public int[] markowitzOrder() {
        Elimination e = new Elimination(this, CostMode.PAPER);
        boolean[] done = new boolean[ops.length + 1];
        int[] order = new int[eliminable.length];
        for (int step = 0; step < order.length; step++) {
            int best = -1;
            long bestDegree = Long.MAX_VALUE;
            for (int v : eliminable) {
                if (!done[v]) {
                    long degree = e.markowitzDegree(v);
                    if (degree < bestDegree) {
                        bestDegree = degree;
                        best = v;
                    }
                }
            }
            done[best] = true;
            order[step] = best;
            e.eliminate(best);
        }
        return order;
    }

    /** The cost of {@code order} in {@link CostMode#PAPER} mode. */
    public long cost(int[] order) {
        return cost(order, CostMode.PAPER);
    }

    /**
     * The number of multiplications that eliminating the vertices in {@code order} performs.
     *
     * @throws InvalidOrderException unless {@code order} is a permutation of {@link #eliminable()}
     */
    public long cost(int[] order, CostMode mode) {
        validate(order);
        Elimination e = new Elimination(this, mode);
        long total = 0;
        for (int v : order) {
            total += e.eliminate(v);
        }
        return total;
    }

    /**
     * Checks that {@code order} is a permutation of {@link #eliminable()}.
     *
     * @throws InvalidOrderException listing missing, duplicate, unknown and output ids
     */
    public void validate(int[] order) {
        Objects.requireNonNull(order, "order");
        boolean[] seen = new boolean[ops.length + 1];
        Set<Integer> duplicates = new TreeSet<>();
        Set<Integer> unknown = new TreeSet<>();
        Set<Integer> outs = new TreeSet<>();
        for (int v : order) {
            if (v < 1 || v > ops.length) {
                unknown.add(v);
            } else if (seen[v]) {
                duplicates.add(v);
            } else {
                seen[v] = true;
                if (output[v - 1] && succs[v - 1].length == 0) {
                    outs.add(v);
                }
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int v : eliminable) {
            if (!seen[v]) {
                missing.add(v);
            }
        }
        if (!missing.isEmpty() || !duplicates.isEmpty() || !unknown.isEmpty() || !outs.isEmpty()) {
            throw new InvalidOrderException(missing, List.copyOf(duplicates), List.copyOf(unknown), List.copyOf(outs));
        }
    }

    /**
     * A stable hash of the graph's structure: inputs, each vertex's operation, precision and
     * operands (including literal values), and the outputs. A saved order carries it so that it is
     * refused on a changed method.
     */
    public String fingerprint() {
        String f = fingerprint;
        if (f == null) {
            f = computeFingerprint();
            fingerprint = f;
        }
        return f;
    }

    private String computeFingerprint() {
        StringBuilder sb = new StringBuilder("crosscountry-graph-v1;inputs=").append(numInputs).append(';');
        for (int v = 1; v <= ops.length; v++) {
            sb.append(ops[v - 1].symbol()).append(singlePrecision[v - 1] ? ".f" : "").append(strict[v - 1] ? ".s" : "").append('(');
            for (Operand o : operands[v - 1]) {
                if (o.isLiteral()) {
                    sb.append('L').append(Long.toHexString(Double.doubleToLongBits(o.literal())));
                } else {
                    sb.append(o.ref());
                }
                sb.append(',');
            }
            sb.append(");");
        }
        sb.append("outputs=").append(Arrays.toString(outputs));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    int node(int ref) {
        return ref < 0 ? -ref - 1 : numInputs + ref - 1;
    }

    int[] predsOf(int id) {
        return preds[id - 1];
    }

    double[] predConstantsOf(int id) {
        return predConstants[id - 1];
    }

    boolean outputFlag(int id) {
        return output[id - 1];
    }

    private int checkId(int id) {
        if (id < 1 || id > ops.length) {
            throw new IndexOutOfBoundsException("vertex id " + id + " not in 1.." + ops.length);
        }
        return id;
    }

    @Override
    public String toString() {
        return "Graph[inputs=" + numInputs + ", vertices=" + ops.length + ", outputs=" + Arrays.toString(outputs) + "]";
    }

    /** Builds a {@link Graph} vertex by vertex, in execution order. */
    public static final class Builder {
        private final int numInputs;
        private final List<Op> ops = new ArrayList<>();
        private final List<Boolean> single = new ArrayList<>();
        private final List<Boolean> strict = new ArrayList<>();
        private final List<Operand[]> operands = new ArrayList<>();
        private int[] outputs = new int[0];

        private Builder(int numInputs) {
            if (numInputs < 0) {
                throw new IllegalArgumentException("negative number of inputs: " + numInputs);
            }
            this.numInputs = numInputs;
        }

        /** Adds a double-precision vertex and returns its id. */
        public int add(Op op, Operand... args) {
            return add(op, false, args);
        }

        /**
         * Adds a vertex and returns its id.
         *
         * @param singlePrecision whether the operation rounds its result to float
         */
        public int add(Op op, boolean singlePrecision, Operand... args) {
            return add(op, singlePrecision, false, args);
        }

        /**
         * Adds a vertex and returns its id.
         *
         * @param singlePrecision whether the operation rounds its result to float
         * @param strict          whether it is the {@code StrictMath} version of a function
         */
        public int add(Op op, boolean singlePrecision, boolean strict, Operand... args) {
            Objects.requireNonNull(op, "op");
            if (args.length != op.arity()) {
                throw new IllegalArgumentException(op.symbol() + " takes " + op.arity() + " operands, got " + args.length);
            }
            for (Operand a : args) {
                if (a.isVertex() && a.ref() > ops.size()) {
                    throw new IllegalArgumentException("operand " + a + " refers to a vertex not yet defined");
                }
                if (a.isInput() && a.inputIndex() >= numInputs) {
                    throw new IllegalArgumentException("operand " + a + " refers to a missing input (" + numInputs + " inputs)");
                }
            }
            ops.add(op);
            single.add(singlePrecision);
            this.strict.add(strict);
            operands.add(args.clone());
            return ops.size();
        }

        /** The number of vertices added so far. */
        public int size() {
            return ops.size();
        }

        /** Sets the output vertex ids, in return order; each at most once. */
        public Builder outputs(int... ids) {
            Set<Integer> seen = new LinkedHashSet<>();
            for (int id : ids) {
                if (id < 1 || id > ops.size()) {
                    throw new IllegalArgumentException("output " + id + " is not a vertex id in 1.." + ops.size());
                }
                if (!seen.add(id)) {
                    throw new IllegalArgumentException("vertex " + id + " is returned twice; add a COPY vertex");
                }
            }
            this.outputs = ids.clone();
            return this;
        }

        public Graph build() {
            return new Graph(this);
        }
    }
}
