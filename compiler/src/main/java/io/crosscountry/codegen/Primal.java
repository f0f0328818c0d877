package io.crosscountry.codegen;

import io.crosscountry.elimination.Op;
import org.objectweb.asm.Opcodes;

/**
 * The value of each {@link Op} as an expression: the same functions as
 * {@link io.crosscountry.analysis.OpValues}, so generated code computes the traced method's values
 * bit for bit (float operations rounded to float, {@code StrictMath} functions where traced).
 */
final class Primal {

    private Primal() {
    }

    /** The value of {@code op} at its operands ({@code b}, {@code c}: {@code null} beyond its arity). */
    static Expr value(Op op, boolean single, boolean strict, Expr a, Expr b, Expr c) {
        if (op == Op.FMA && single) {
            // rounded once to float, as the analysis computes it (StrictMath's is the same function)
            return Expr.call("io/crosscountry/analysis/OpValues", "floatFma", a, b, c);
        }
        if (op == Op.ULP && single) {
            return Expr.call("io/crosscountry/analysis/OpValues", "floatUlp", a);     // the float's ulp
        }
        if (op == Op.NEXT_AFTER && single) {
            return Expr.call("io/crosscountry/analysis/OpValues", "floatNextAfter", a, b);
        }
        Expr v = unrounded(op, strict, a, b, c);
        return single ? new Expr.ToFloat(v) : v;
    }

    private static Expr unrounded(Op op, boolean strict, Expr a, Expr b, Expr c) {
        String math = strict ? "java/lang/StrictMath" : "java/lang/Math";
        return switch (op) {
            case ADD -> new Expr.Bin(Opcodes.DADD, a, b);
            case SUB -> new Expr.Bin(Opcodes.DSUB, a, b);
            case MUL -> new Expr.Bin(Opcodes.DMUL, a, b);
            case DIV -> new Expr.Bin(Opcodes.DDIV, a, b);
            case REM -> new Expr.Bin(Opcodes.DREM, a, b);
            case NEG -> new Expr.Neg(a);
            case TO_FLOAT, COPY, STOP_GRADIENT -> a;
            case ASINH, ACOSH, ATANH, ERF, LOGISTIC -> Expr.call("io/crosscountry/MathX", op.symbol(), a);
            case ATAN2, POW, HYPOT, MAX, MIN -> Expr.call(math, op.symbol(), a, b);
            case COPY_SIGN -> Expr.call(math, "copySign", a, b);
            case NEXT_AFTER -> Expr.call(math, "nextAfter", a, b);
            case IEEE_REM -> Expr.call(math, "IEEEremainder", a, b);
            case FMA -> Expr.call(math, "fma", a, b, c);
            default -> Expr.call(math, op.symbol(), a);
        };
    }
}
