package io.crosscountry.codegen;

import static io.crosscountry.codegen.Expr.add;
import static io.crosscountry.codegen.Expr.c;
import static io.crosscountry.codegen.Expr.call;
import static io.crosscountry.codegen.Expr.div;
import static io.crosscountry.codegen.Expr.mul;
import static io.crosscountry.codegen.Expr.sub;

import io.crosscountry.elimination.Op;

/**
 * The table of local partial derivatives: one rule per {@link Op} and operand position, as an
 * expression over the operands {@code a}, {@code b} and the vertex's value {@code r} (fma's
 * addend has the constant partial 1, so no rule needs a third operand).
 *
 * <p>Conventions where the derivative is not defined:
 * <ul>
 *   <li>{@code abs}: {@code signum(a)}, so 0 at {@code a = 0} (the symmetric subgradient);</li>
 *   <li>{@code rem} and {@code ieee_rem} (r = a − n·b): ∂/∂b = −n, n = (a − r)/b rounded to the
 *       integer it is (exact in real arithmetic, within a few ulps in double, far from the next
 *       integer below 2^51); at a jump, the side the remainder took;</li>
 *   <li>{@code max}/{@code min}: 1 to the selected operand, 0 to the other; on a tie the first
 *       operand is selected; a NaN operand is selected (NaN propagates);</li>
 *   <li>{@code pow}: ∂/∂x x^y = y·x^(y−1), 0 when y = 0, computed as y·(x^y/x) where that is
 *       safe (see {@link Derivatives#powBase}); ∂/∂y x^y = x^y·ln x for x &gt; 0, 0 at
 *       x = 0, NaN for x &lt; 0 (see {@link Derivatives#powExponent});</li>
 *   <li>{@code hypot}: 0 at the origin;</li>
 *   <li>{@code copysign}: ∂/∂a = signum(a)·(the result's sign), 0 at {@code a = 0} like abs; the
 *       sign operand has no in-edge (piecewise constant).</li>
 * </ul>
 * Float operations ({@code fadd}, …) are differentiated as the exact real operation at their float
 * operands, in double. Partials of {@code StrictMath} vertices use {@code StrictMath} functions.
 * Constant partials (±1, literal factors) are also returned here, as constants; the compiler
 * takes them from {@link io.crosscountry.elimination.Graph#predConstantPartials} so that the
 * generated code and the cost model agree on which edges are constant.
 */
final class Partials {

    private static final String MATH = "java/lang/Math";
    private static final String STRICT = "java/lang/StrictMath";
    private static final String DERIV = "io/crosscountry/codegen/Derivatives";
    private static final double INV_LN10 = 1.0 / Math.log(10.0);
    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);

    private Partials() {
    }

    /**
     * The partial derivative of {@code op} with respect to operand {@code position}.
     *
     * @param a      the first operand
     * @param b      the second operand ({@code null} for unary operations)
     * @param r      the vertex's value
     * @param single whether the vertex is a float operation
     * @param strict whether the vertex is a {@code StrictMath} function
     */
    static Expr partial(Op op, int position, Expr a, Expr b, Expr r, boolean single, boolean strict) {
        String m = strict ? STRICT : MATH;
        boolean first = position == 0;
        return switch (op) {
            case ADD, COPY, TO_FLOAT -> c(1.0);
            case SUB -> c(first ? 1.0 : -1.0);
            case NEG -> c(-1.0);
            case MUL -> first ? b : a;
            case FMA -> position == 2 ? c(1.0) : first ? b : a;                 // a·b + c
            case DIV -> first ? reciprocal(b)
                    : div(new Expr.Neg(single ? div(a, b) : r), b);          // -(a/b)/b
            case REM, IEEE_REM -> first ? c(1.0)                                // a % b = a - n·b:
                    : new Expr.Neg(call(MATH, "rint", div(sub(a, r), b)));     // n = (a - r)/b, an integer
            case ABS -> call(MATH, "signum", a);
            case SQRT -> div(c(0.5), r);
            case CBRT -> div(c(1.0 / 3.0), mul(r, r));
            case EXP -> r;
            case EXPM1 -> add(r, c(1.0));
            case LOG -> div(c(1.0), a);
            case LOG10 -> div(c(INV_LN10), a);
            case LOG1P -> div(c(1.0), add(c(1.0), a));
            case SIN -> call(m, "cos", a);
            case COS -> new Expr.Neg(call(m, "sin", a));
            case TAN -> add(c(1.0), mul(r, r));
            case ASIN -> div(c(1.0), call(m, "sqrt", oneMinusSquare(a)));
            case ACOS -> div(c(-1.0), call(m, "sqrt", oneMinusSquare(a)));
            case ATAN -> div(c(1.0), add(c(1.0), mul(a, a)));
            case SINH -> call(m, "cosh", a);
            case COSH -> call(m, "sinh", a);
            case TANH -> call(DERIV, strict ? "tanhStrict" : "tanh", a);
            case ASINH -> div(c(1.0), call(MATH, "sqrt", add(mul(a, a), c(1.0))));
            case ACOSH -> div(c(1.0), call(MATH, "sqrt", mul(sub(a, c(1.0)), add(a, c(1.0)))));
            case ATANH -> div(c(1.0), oneMinusSquare(a));
            case ERF -> mul(c(TWO_OVER_SQRT_PI), call(MATH, "exp", new Expr.Neg(mul(a, a))));
            case LOGISTIC -> call(DERIV, "logistic", a);
            case ATAN2 -> div(first ? b : new Expr.Neg(a), add(mul(a, a), mul(b, b)));   // atan2(y=a, x=b)
            case POW -> first ? powBase(a, b, r, strict) : powExponent(a, r, strict);
            case HYPOT -> call(DERIV, "hypot", first ? a : b, r);
            case NEXT_AFTER -> {
                if (!first) {
                    throw new IllegalArgumentException("nextafter's direction has no partial derivative (no in-edge)");
                }
                yield c(1.0);                                                       // the start's neighbour
            }
            case COPY_SIGN -> {
                if (!first) {
                    throw new IllegalArgumentException("copysign's sign operand has no partial derivative (no in-edge)");
                }
                yield call(DERIV, "copySign", a, r);                               // signum(a)·(r's sign)
            }
            case MAX -> call(DERIV, first ? "maxFirst" : "maxSecond", a, b);
            case MIN -> call(DERIV, first ? "minFirst" : "minSecond", a, b);
            case STOP_GRADIENT, FLOOR, CEIL, RINT, SIGNUM, ULP ->
                    throw new IllegalArgumentException(op.symbol() + " has no partial derivative (no in-edge)");
        };
    }

    private static Expr reciprocal(Expr b) {
        return b instanceof Expr.Const k ? c(1.0 / k.value()) : div(c(1.0), b);
    }

    /** (1 − a)(1 + a): 1 − a² without cancellation near |a| = 1. */
    private static Expr oneMinusSquare(Expr a) {
        return mul(sub(c(1.0), a), add(c(1.0), a));
    }

    private static Expr powBase(Expr x, Expr y, Expr r, boolean strict) {
        if (y instanceof Expr.Const k) {
            double e = k.value();
            if (e == 0.0) {
                return c(0.0);
            }
            if (e == 1.0) {
                return c(1.0);
            }
            if (e == 2.0) {
                return mul(c(2.0), x);
            }
        }
        return call(DERIV, strict ? "powBaseStrict" : "powBase", x, y, r);
    }

    private static Expr powExponent(Expr x, Expr r, boolean strict) {
        if (x instanceof Expr.Const k) {
            double base = k.value();
            if (base > 0.0) {
                return mul(r, c(strict ? StrictMath.log(base) : Math.log(base)));
            }
            return c(base == 0.0 ? 0.0 : Double.NaN);
        }
        return call(DERIV, strict ? "powExponentStrict" : "powExponent", x, r);
    }
}
