package io.crosscountry.codegen;

import java.util.List;
import org.objectweb.asm.Opcodes;

/**
 * A scalar expression of the code generator's intermediate form: a small tree over SSA values,
 * inputs and literals that the backend turns into straight-line bytecode. Every expression is a
 * {@code double}.
 */
sealed interface Expr {

    /** An SSA value defined by a {@link Insn.Def}. */
    record Ref(int id) implements Expr {
    }

    /** Input {@code index} of the flattened inputs ({@code x[index]}). */
    record In(int index) implements Expr {
    }

    /** A literal. */
    record Const(double value) implements Expr {
    }

    /** {@code -a} ({@code dneg}). */
    record Neg(Expr a) implements Expr {
    }

    /** {@code a op b} with {@code op} one of {@code DADD DSUB DMUL DDIV DREM}. */
    record Bin(int opcode, Expr a, Expr b) implements Expr {
        public Bin {
            if (opcode != Opcodes.DADD && opcode != Opcodes.DSUB && opcode != Opcodes.DMUL && opcode != Opcodes.DDIV
                    && opcode != Opcodes.DREM) {
                throw new IllegalArgumentException("not a double arithmetic opcode: " + opcode);
            }
        }
    }

    /** A call of a static method taking and returning doubles, e.g. {@code java/lang/Math.sin}. */
    record Call(String owner, String name, List<Expr> args) implements Expr {
        public Call {
            args = List.copyOf(args);
        }

        String descriptor() {
            return "(" + "D".repeat(args.size()) + ")D";
        }
    }

    /** {@code (double) (float) a}: rounds to float ({@code d2f f2d}). */
    record ToFloat(Expr a) implements Expr {
    }

    static Expr add(Expr a, Expr b) {
        return new Bin(Opcodes.DADD, a, b);
    }

    static Expr sub(Expr a, Expr b) {
        return new Bin(Opcodes.DSUB, a, b);
    }

    static Expr mul(Expr a, Expr b) {
        return new Bin(Opcodes.DMUL, a, b);
    }

    static Expr div(Expr a, Expr b) {
        return new Bin(Opcodes.DDIV, a, b);
    }

    static Expr c(double value) {
        return new Const(value);
    }

    static Expr call(String owner, String name, Expr... args) {
        return new Call(owner, name, List.of(args));
    }
}
