package io.crosscountry.codegen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes each distinct function call of the forward part once. A call that occurs more than
 * once with the same arguments, in primal values or in partials, is evaluated at its first
 * occurrence and read from there on: the partial of {@code sin(t)} is {@code cos(t)}, which the
 * method often computes itself, and methods evaluate the same {@code Math.cos(t)} twice (RobotArm's
 * angle-sum helpers). The JIT cannot share these: a call of {@code Math.sin}, {@code atan2} or
 * {@code pow} is a call into a runtime stub, which C2 does not common up.
 *
 * <p>Every function called here is a pure static function of its {@code double} arguments
 * ({@code Math}, {@code StrictMath}, {@code MathX}, {@link Derivatives}), so a shared call has
 * exactly the value of each call it replaces: primal values stay bit for bit the method's. Vertices
 * of the graph are unchanged (a vertex whose call was computed earlier becomes a copy of it), so
 * the elimination and its multiplication count are untouched.
 */
final class SharedCalls {

    /** The forward part after sharing, and the next free SSA value id. */
    record Shared(List<Insn> forward, int nextId) {
    }

    private final Map<Expr.Call, Integer> occurrences = new HashMap<>();
    private final Map<Expr.Call, Integer> computedIn = new HashMap<>();
    private final List<Insn> out = new ArrayList<>();
    private int nextId;

    private SharedCalls(int nextId) {
        this.nextId = nextId;
    }

    /**
     * Rewrites {@code forward} so that every call occurring more than once is computed once.
     *
     * @param nextId the first unused SSA value id
     */
    static Shared share(List<Insn> forward, int nextId) {
        SharedCalls s = new SharedCalls(nextId);
        for (Insn insn : forward) {
            if (insn instanceof Insn.Def d) {
                s.count(d.expr());
            }
        }
        for (Insn insn : forward) {
            if (insn instanceof Insn.Def d) {
                s.define(d);
            } else {
                s.out.add(insn);
            }
        }
        return new Shared(List.copyOf(s.out), s.nextId);
    }

    private void count(Expr e) {
        Exprs.forEach(e, x -> {
            if (x instanceof Expr.Call c) {
                occurrences.merge(c, 1, Integer::sum);
            }
        });
    }

    private boolean shared(Expr.Call c) {
        return occurrences.getOrDefault(c, 0) >= 2;
    }

    /**
     * A definition whose whole expression is a shared call not computed yet computes it (under the
     * definition's own id); otherwise its calls are rewritten (a computed one becomes a copy).
     */
    private void define(Insn.Def d) {
        if (d.expr() instanceof Expr.Call c && shared(c) && !computedIn.containsKey(c)) {
            out.add(new Insn.Def(d.id(), withSharedArgs(c), d.keepIfDead()));
            computedIn.put(c, d.id());
        } else {
            out.add(new Insn.Def(d.id(), rewrite(d.expr()), d.keepIfDead()));
        }
    }

    private Expr rewrite(Expr e) {
        if (e instanceof Expr.Call c && shared(c)) {
            Integer id = computedIn.get(c);
            if (id == null) {
                id = nextId++;
                out.add(new Insn.Def(id, withSharedArgs(c), false));
                computedIn.put(c, id);
            }
            return new Expr.Ref(id);
        }
        return Exprs.withOperands(e, this::rewrite);
    }

    private Expr withSharedArgs(Expr.Call c) {
        return Exprs.withOperands(c, this::rewrite);
    }
}
