package io.crosscountry.codegen;

import io.crosscountry.analysis.Guard;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.Op;
import io.crosscountry.elimination.Operand;
import java.util.ArrayList;
import java.util.List;

/**
 * Graph + guards + order → {@link Program}: the primal values in vertex order, each guard right
 * after its last operand, each edge's local partial once (from {@link Partials}; constant partials
 * from the graph stay compile-time constants; repeated calls computed once by {@link SharedCalls};
 * divisors shared through {@link Reciprocals}), then
 * the eliminations ({@link Eliminator}).
 * Values nothing needs are dropped later by the backend.
 */
final class Lowering {

    private Lowering() {
    }

    static Program lower(Graph g, List<Guard> guards, int[] order) {
        g.validate(order);
        int n = g.numVertices();
        List<List<Guard>> guardsAt = new ArrayList<>();
        for (int v = 0; v <= n; v++) {
            guardsAt.add(new ArrayList<>());
        }
        for (Guard guard : guards) {
            guardsAt.get(Math.max(position(guard.left()), position(guard.right()))).add(guard);
        }
        Expr[] value = new Expr[n + 1];
        Eliminator.Edge[][] inEdges = new Eliminator.Edge[n + 1][];
        List<Insn> forward = new ArrayList<>();
        addGuards(guardsAt.get(0), value, forward);
        int nextId = n + 1;
        for (int v = 1; v <= n; v++) {
            Op op = g.op(v);
            boolean single = g.isSinglePrecision(v);
            boolean strict = g.isStrict(v);
            List<Operand> operands = g.operands(v);
            Expr a = operand(operands.get(0), value);
            Expr b = operands.size() > 1 ? operand(operands.get(1), value) : null;
            Expr c = operands.size() > 2 ? operand(operands.get(2), value) : null;
            if ((op == Op.COPY || op == Op.STOP_GRADIENT) && !single) {
                value[v] = a;                                   // same value: no new local
            } else {
                forward.add(new Insn.Def(v, Primal.value(op, single, strict, a, b, c), false));
                value[v] = new Expr.Ref(v);
            }
            addGuards(guardsAt.get(v), value, forward);
            int[] preds = g.predIds(v);
            double[] constants = g.predConstantPartials(v);
            inEdges[v] = new Eliminator.Edge[preds.length];
            for (int k = 0; k < preds.length; k++) {
                if (!Double.isNaN(constants[k])) {
                    inEdges[v][k] = Eliminator.Edge.constant(constants[k]);
                    continue;
                }
                Expr partial = null;
                for (int i = 0; i < operands.size(); i++) {
                    if (!operands.get(i).isLiteral() && operands.get(i).ref() == preds[k] && op.differentiable(i)) {
                        Expr term = Partials.partial(op, i, a, b, value[v], single, strict);
                        partial = partial == null ? term : Expr.add(partial, term);
                    }
                }
                forward.add(new Insn.Def(nextId, partial, false));
                inEdges[v][k] = Eliminator.Edge.value(nextId++, false);
            }
        }
        SharedCalls.Shared calls = SharedCalls.share(forward, nextId);
        Reciprocals.Shared shared = Reciprocals.share(calls.forward(), n + 1, calls.nextId());
        Eliminator elim = new Eliminator(g, inEdges, shared.nextId());
        List<Insn> elimination = elim.run(order);
        return new Program(g.numInputs(), g.numOutputs(), elim.nextId(), shared.forward(), elimination,
                elim.multiplies());
    }

    /** The vertex after which a guard operand is known (0 for inputs and literals). */
    private static int position(Operand o) {
        return o.isVertex() ? o.ref() : 0;
    }

    private static void addGuards(List<Guard> guards, Expr[] value, List<Insn> out) {
        for (Guard guard : guards) {
            out.add(new Insn.GuardCheck(operand(guard.left(), value), operand(guard.right(), value), guard.nanHigh(),
                    guard.pathMask()));
        }
    }

    private static Expr operand(Operand o, Expr[] value) {
        if (o.isLiteral()) {
            return new Expr.Const(o.literal());
        }
        return o.isInput() ? new Expr.In(o.inputIndex()) : value[o.ref()];
    }
}
