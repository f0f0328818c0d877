package io.crosscountry.codegen;

import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;

/** Walks and sizes {@link Expr} trees and {@link Insn}s. */
final class Exprs {

    private Exprs() {
    }

    /** Calls {@code values} with every {@link Expr.Ref} id and {@code inputs} with every input read. */
    static void reads(Insn insn, IntConsumer values, IntConsumer inputs) {
        if (insn instanceof Insn.Def d) {
            reads(d.expr(), values, inputs);
        } else if (insn instanceof Insn.GuardCheck g) {
            reads(g.left(), values, inputs);
            reads(g.right(), values, inputs);
        } else if (insn instanceof Insn.StoreJ s) {
            reads(s.value(), values, inputs);
        }
    }

    static void reads(Expr e, IntConsumer values, IntConsumer inputs) {
        forEach(e, x -> {
            if (x instanceof Expr.Ref r) {
                values.accept(r.id());
            } else if (x instanceof Expr.In in) {
                inputs.accept(in.index());
            }
        });
    }

    /** Calls {@code visit} with {@code e} and each of its subexpressions, parents before their operands. */
    static void forEach(Expr e, Consumer<Expr> visit) {
        visit.accept(e);
        if (e instanceof Expr.Neg n) {
            forEach(n.a(), visit);
        } else if (e instanceof Expr.Bin b) {
            forEach(b.a(), visit);
            forEach(b.b(), visit);
        } else if (e instanceof Expr.Call c) {
            c.args().forEach(a -> forEach(a, visit));
        } else if (e instanceof Expr.ToFloat f) {
            forEach(f.a(), visit);
        }
    }

    /** {@code e} with each direct operand {@code o} replaced by {@code f(o)}, left to right; leaves as they are. */
    static Expr withOperands(Expr e, UnaryOperator<Expr> f) {
        if (e instanceof Expr.Neg n) {
            return new Expr.Neg(f.apply(n.a()));
        }
        if (e instanceof Expr.Bin b) {
            Expr a = f.apply(b.a());
            return new Expr.Bin(b.opcode(), a, f.apply(b.b()));
        }
        if (e instanceof Expr.Call c) {
            return new Expr.Call(c.owner(), c.name(), c.args().stream().map(f).toList());
        }
        if (e instanceof Expr.ToFloat t) {
            return new Expr.ToFloat(f.apply(t.a()));
        }
        return e;
    }

    /**
     * An upper bound of the bytecode size of {@code insn}, whatever locals, work-array slots and
     * constants it ends up using (a read is at most 10 bytes: load from an array, cache in a
     * wide local), plus the bytes C2 inlines for its calls ({@link InlinedBytes}).
     */
    static int maxSize(Insn insn) {
        if (insn instanceof Insn.Def d) {
            return maxSize(d.expr()) + 13;                          // dstore, then aload, ldc_w, dload, dastore
        }
        if (insn instanceof Insn.GuardCheck g) {
            return maxSize(g.left()) + maxSize(g.right()) + 16;
        }
        // a write to J may be its chunk's first to the row: aload, ldc_w, aaload, arraylength, ldc_w, if_icmpne
        int rowCheck = 12;
        if (insn instanceof Insn.ZeroRow) {
            return rowCheck + 9;                                    // aload, ldc_w, aaload, dconst_0, invokestatic
        }
        return rowCheck + maxSize(((Insn.StoreJ) insn).value()) + 9; // aload, ldc_w, aaload, ldc_w, dastore
    }

    static int maxSize(Expr e) {
        if (e instanceof Expr.Ref || e instanceof Expr.In) {
            return 10;
        }
        if (e instanceof Expr.Const) {
            return 3;
        }
        if (e instanceof Expr.Neg n) {
            return 1 + maxSize(n.a());
        }
        if (e instanceof Expr.Bin b) {
            return 1 + maxSize(b.a()) + maxSize(b.b());
        }
        if (e instanceof Expr.Call c) {
            return 3 + InlinedBytes.of(c) + c.args().stream().mapToInt(Exprs::maxSize).sum();
        }
        return 2 + maxSize(((Expr.ToFloat) e).a());
    }

    /** Whether {@code e} contains a multiplication. */
    static boolean multiplies(Expr e) {
        if (e instanceof Expr.Bin b) {
            return b.opcode() == org.objectweb.asm.Opcodes.DMUL || multiplies(b.a()) || multiplies(b.b());
        }
        if (e instanceof Expr.Neg n) {
            return multiplies(n.a());
        }
        if (e instanceof Expr.ToFloat f) {
            return multiplies(f.a());
        }
        if (e instanceof Expr.Call c) {
            return c.args().stream().anyMatch(Exprs::multiplies);
        }
        return false;
    }
}
