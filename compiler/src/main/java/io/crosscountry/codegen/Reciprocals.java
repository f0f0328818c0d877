package io.crosscountry.codegen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;

/**
 * Shares reciprocals between local partials: every partial division {@code k / d} whose divisor
 * {@code d} occurs in at least two partial divisions becomes {@code k · (1/d)}, with {@code 1/d}
 * computed once. Division is the slowest arithmetic instruction (several times the throughput
 * cost of a multiplication), and partials divide by the same values again and again: both
 * partials of {@code a / b} divide by {@code b} ({@code 1/b} and {@code −(a/b)/b}), a square root's
 * partial divides by the root, and methods divide many values by one density or norm.
 *
 * <p>Only partials change; primal values are computed exactly like the method. A shared
 * reciprocal changes a partial by at most a few ulps (one more rounding), and gives the same
 * infinities and NaNs except where {@code 1/d} overflows while {@code k/d} does not (a subnormal
 * divisor). The rewrite adds multiplications to the forward part only, never to the elimination
 * (the cost model's count).
 */
final class Reciprocals {

    /** The forward part after sharing, and the next free SSA value id. */
    record Shared(List<Insn> forward, int nextId) {
    }

    private final Map<Expr, Integer> uses = new HashMap<>();
    private final Map<Expr, Integer> reciprocal = new HashMap<>();
    private final List<Insn> out = new ArrayList<>();
    private int nextId;

    private Reciprocals(int nextId) {
        this.nextId = nextId;
    }

    /**
     * Rewrites the partials of {@code forward}: the definitions of values from
     * {@code firstPartialId} on (primal values come before them in id order).
     *
     * @param nextId the first unused SSA value id
     */
    static Shared share(List<Insn> forward, int firstPartialId, int nextId) {
        Reciprocals r = new Reciprocals(nextId);
        for (Insn insn : forward) {
            if (isPartial(insn, firstPartialId)) {
                r.count(((Insn.Def) insn).expr());
            }
        }
        for (Insn insn : forward) {
            if (isPartial(insn, firstPartialId)) {
                Insn.Def d = (Insn.Def) insn;
                Expr e = r.rewrite(d.expr());
                r.out.add(new Insn.Def(d.id(), e, d.keepIfDead()));
            } else {
                r.out.add(insn);
            }
        }
        return new Shared(List.copyOf(r.out), r.nextId);
    }

    private static boolean isPartial(Insn insn, int firstPartialId) {
        return insn instanceof Insn.Def d && d.id() >= firstPartialId;
    }

    private void count(Expr e) {
        Exprs.forEach(e, x -> {
            if (x instanceof Expr.Bin b && b.opcode() == Opcodes.DDIV && !(b.b() instanceof Expr.Const)) {
                uses.merge(b.b(), 1, Integer::sum);
            }
        });
    }

    private Expr rewrite(Expr e) {
        if (e instanceof Expr.Bin b && b.opcode() == Opcodes.DDIV && uses.getOrDefault(b.b(), 0) >= 2) {
            Expr a = rewrite(b.a());
            Expr d = rewrite(b.b());
            return times(a, new Expr.Ref(reciprocalOf(b.b(), d)));
        }
        return Exprs.withOperands(e, this::rewrite);
    }

    /** {@code 1/divisor}'s value id, defined before its first use. */
    private int reciprocalOf(Expr divisor, Expr rewrittenDivisor) {
        Integer id = reciprocal.get(divisor);
        if (id == null) {
            id = nextId++;
            out.add(new Insn.Def(id, Expr.div(Expr.c(1.0), rewrittenDivisor), false));
            reciprocal.put(divisor, id);
        }
        return id;
    }

    /** {@code numerator · r} without multiplying by 1 and with the sign outside. */
    private static Expr times(Expr numerator, Expr r) {
        if (numerator instanceof Expr.Const k && Math.abs(k.value()) == 1.0) {
            return k.value() > 0 ? r : new Expr.Neg(r);
        }
        if (numerator instanceof Expr.Neg n) {
            return new Expr.Neg(times(n.a(), r));
        }
        return Expr.mul(numerator, r);
    }
}
