package io.crosscountry.codegen;

import io.crosscountry.elimination.Graph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Vertex elimination at compile time: the same algorithm as the cost model
 * ({@code io.crosscountry.elimination.Elimination}), emitting the products and sums as
 * {@link Insn}s instead of counting them.
 *
 * <p>Each edge is a compile-time constant or an SSA value with a sign. A product costs one
 * {@code dmul} unless a factor is ±1 (the other factor is reused, its sign flipped for −1) or both
 * factors are constants (folded); sums of constants are folded; a sum involving a value is one
 * {@code dadd}/{@code dsub}. So the {@code dmul}s emitted equal the {@code EFFECTIVE} cost.
 */
final class Eliminator {

    /** An edge value: the constant {@code constant} when {@code id == 0}, else ±value {@code id}. */
    record Edge(int id, boolean negated, double constant) {
        static Edge constant(double c) {
            return new Edge(0, false, c);
        }

        static Edge value(int id, boolean negated) {
            return new Edge(id, negated, 0.0);
        }

        boolean isConstant() {
            return id == 0;
        }

        boolean isUnit() {
            return id == 0 && (constant == 1.0 || constant == -1.0);
        }

        Edge negatedIf(boolean flip) {
            return flip ? new Edge(id, !negated, constant) : this;
        }
    }

    /** A product not yet stored: {@code ±expr}. */
    private record Term(Expr expr, boolean negated) {
    }

    /** Rows with at most this many structural zeros store them one by one instead of filling the row. */
    static final int EXPLICIT_ZEROS = 16;

    private final Graph graph;
    private final int numInputs;
    private final List<Map<Integer, Edge>> succ = new ArrayList<>();
    private final List<Set<Integer>> pred = new ArrayList<>();
    private final List<Insn> insns = new ArrayList<>();
    private int nextId;
    private long multiplies;

    /**
     * @param inEdges {@code inEdges[v][k]}: the local partial of vertex {@code v}'s k-th pred
     *                ({@link Graph#predIds} order)
     * @param nextId  the first free SSA id
     */
    Eliminator(Graph graph, Edge[][] inEdges, int nextId) {
        this.graph = graph;
        this.numInputs = graph.numInputs();
        this.nextId = nextId;
        for (int i = 0; i < numInputs + graph.numVertices(); i++) {
            succ.add(new LinkedHashMap<>());
            pred.add(new LinkedHashSet<>());
        }
        for (int v = 1; v <= graph.numVertices(); v++) {
            int[] p = graph.predIds(v);
            for (int k = 0; k < p.length; k++) {
                succ.get(node(p[k])).put(node(v), inEdges[v][k]);
                pred.get(node(v)).add(node(p[k]));
            }
        }
    }

    private int node(int ref) {
        return ref < 0 ? -ref - 1 : numInputs + ref - 1;
    }

    /**
     * Eliminates the vertices in {@code order}, then stores the Jacobian, structural zeros
     * included; returns the insns. A row with at most {@link #EXPLICIT_ZEROS} zeros gets one
     * store per zero; a row with more is filled with zeros first ({@link Insn.ZeroRow}, placed
     * before every other insn).
     */
    List<Insn> run(int[] order) {
        for (int v : order) {
            eliminate(v);
        }
        int[] outputs = graph.outputs();
        List<Insn> zeroRows = new ArrayList<>();
        for (int i = 0; i < outputs.length; i++) {
            int o = node(outputs[i]);
            boolean[] written = new boolean[numInputs];
            for (int p : pred.get(o)) {
                if (p >= numInputs) {
                    throw new IllegalStateException("vertex " + (p - numInputs + 1) + " left after elimination");
                }
                insns.add(new Insn.StoreJ(i, p, expr(succ.get(p).get(o))));
                written[p] = true;
            }
            int zeros = numInputs - pred.get(o).size();
            if (zeros > EXPLICIT_ZEROS) {
                zeroRows.add(new Insn.ZeroRow(i));
            } else {
                for (int k = 0; k < numInputs; k++) {
                    if (!written[k]) {
                        insns.add(new Insn.StoreJ(i, k, new Expr.Const(0.0)));
                    }
                }
            }
        }
        insns.addAll(0, zeroRows);
        return insns;
    }

    int nextId() {
        return nextId;
    }

    long multiplies() {
        return multiplies;
    }

    private void eliminate(int id) {
        int v = node(id);
        Map<Integer, Edge> outs = succ.get(v);
        for (int p : pred.get(v)) {
            Map<Integer, Edge> pOuts = succ.get(p);
            Edge in = pOuts.get(v);
            for (Map.Entry<Integer, Edge> out : outs.entrySet()) {
                int s = out.getKey();
                Object product = product(in, out.getValue());
                Edge existing = pOuts.get(s);
                pOuts.put(s, existing == null ? store(product) : sum(existing, product));
                pred.get(s).add(p);
            }
        }
        for (int s : outs.keySet()) {
            pred.get(s).remove(v);
        }
        outs.clear();
        if (!graph.isOutput(id)) {
            for (int p : pred.get(v)) {
                succ.get(p).remove(v);
            }
            pred.get(v).clear();
        }
    }

    /** in·out: an {@link Edge} when free (folded or by ±1), else a {@link Term} with one dmul. */
    private Object product(Edge in, Edge out) {
        if (in.isConstant() && out.isConstant()) {
            return Edge.constant(in.constant() * out.constant());
        }
        if (in.isUnit()) {
            return out.negatedIf(in.constant() == -1.0);
        }
        if (out.isUnit()) {
            return in.negatedIf(out.constant() == -1.0);
        }
        multiplies++;
        if (in.isConstant()) {
            return new Term(Expr.mul(Expr.c(in.constant()), ref(out)), out.negated());
        }
        if (out.isConstant()) {
            return new Term(Expr.mul(ref(in), Expr.c(out.constant())), in.negated());
        }
        return new Term(Expr.mul(ref(in), ref(out)), in.negated() ^ out.negated());
    }

    private Edge store(Object product) {
        if (product instanceof Edge e) {
            return e;
        }
        Term t = (Term) product;
        return define(t.expr(), t.negated());
    }

    /** existing + product, folded when both are constants. */
    private Edge sum(Edge existing, Object product) {
        if (product instanceof Edge e && e.isConstant()) {
            if (existing.isConstant()) {
                return Edge.constant(existing.constant() + e.constant());
            }
            Expr c = Expr.c(e.constant());
            return existing.negated() ? define(Expr.sub(c, ref(existing)), false) : define(Expr.add(ref(existing), c), false);
        }
        Expr p = product instanceof Term t ? t.expr() : ref((Edge) product);
        boolean pNeg = product instanceof Term t ? t.negated() : ((Edge) product).negated();
        if (existing.isConstant()) {
            Expr c = Expr.c(existing.constant());
            return define(pNeg ? Expr.sub(c, p) : Expr.add(c, p), false);
        }
        Expr e = ref(existing);
        if (existing.negated() == pNeg) {
            return define(Expr.add(e, p), pNeg);                  // ±(e + p)
        }
        return define(pNeg ? Expr.sub(e, p) : Expr.sub(p, e), false);   // e − p or p − e
    }

    private Edge define(Expr expr, boolean negated) {
        int id = nextId++;
        insns.add(new Insn.Def(id, expr, Exprs.multiplies(expr)));   // a dead product still counts
        return Edge.value(id, negated);
    }

    private static Expr ref(Edge e) {
        return new Expr.Ref(e.id());
    }

    private static Expr expr(Edge e) {
        if (e.isConstant()) {
            return Expr.c(e.constant());
        }
        return e.negated() ? new Expr.Neg(ref(e)) : ref(e);
    }
}
