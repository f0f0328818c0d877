package io.crosscountry.analysis;

import io.crosscountry.MathX;
import io.crosscountry.elimination.Op;
import java.math.BigDecimal;

/**
 * The value of each {@link Op}: one rule per operation, the same functions the traced method calls,
 * so a graph evaluates to exactly the method's result.
 */
public final class OpValues {

    private OpValues() {
    }

    /**
     * Applies a unary or binary {@code op} to its operands.
     *
     * @param single whether the operation is a float operation (the result is rounded to float)
     */
    public static double apply(Op op, boolean single, double a, double b) {
        return apply(op, single, false, a, b);
    }

    /**
     * Applies a unary or binary {@code op} to its operands.
     *
     * @param single whether the operation is a float operation (the result is rounded to float)
     * @param strict whether the function is {@code StrictMath}'s rather than {@code Math}'s
     * @throws IllegalArgumentException for an operation of three operands (use the other overload)
     */
    public static double apply(Op op, boolean single, boolean strict, double a, double b) {
        if (op.arity() > 2) {
            throw new IllegalArgumentException(op.symbol() + " takes " + op.arity() + " operands");
        }
        return apply(op, single, strict, a, b, 0.0);
    }

    /**
     * Applies {@code op} to its operands ({@code b}, {@code c}: ignored beyond its arity).
     *
     * @param single whether the operation is a float operation (the result is rounded to float)
     * @param strict whether the function is {@code StrictMath}'s rather than {@code Math}'s
     */
    public static double apply(Op op, boolean single, boolean strict, double a, double b, double c) {
        if (op == Op.FMA) {
            // StrictMath.fma is Math.fma (both exact)
            return single ? floatFma(a, b, c) : strict ? StrictMath.fma(a, b, c) : Math.fma(a, b, c);
        }
        if (op == Op.ULP && single) {
            return floatUlp(a);                      // the float's ulp, not the double's
        }
        if (op == Op.NEXT_AFTER && single) {
            return floatNextAfter(a, b);             // the float's neighbour, not the double's
        }
        double r = strict ? applyStrict(op, a, b) : apply(op, a, b);
        return single ? (double) (float) r : r;
    }

    /**
     * The float fma: a·b + c rounded once to float. For float operands (as every traced float fma
     * has) that is {@code Math.fma(float, float, float)}; for other doubles (generated graphs,
     * whose float vertices may read double values) the exact sum rounded once to float. (A double
     * fma rounded to float rounds twice, which differs in rare halfway cases.) Public because
     * generated code calls it for the values of float fma vertices.
     */
    public static double floatFma(double a, double b, double c) {
        float fa = (float) a;
        float fb = (float) b;
        float fc = (float) c;
        if (fa == a && fb == b && fc == c || !(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c))) {
            return Math.fma(fa, fb, fc);
        }
        if (a == 0.0 || b == 0.0) {
            return (float) (a * b + c);            // the product is an exact zero: one rounding
        }
        return new BigDecimal(a).multiply(new BigDecimal(b)).add(new BigDecimal(c)).floatValue();
    }

    /**
     * The float ulp, {@code Math.ulp(float)} of {@code a} rounded to float (a traced float ulp
     * reads a float). Public because generated code calls it for the values of float ulp
     * vertices.
     */
    public static double floatUlp(double a) {
        return Math.ulp((float) a);
    }

    /**
     * The float neighbour, {@code Math.nextAfter(float, double)} of {@code a} rounded to float (a
     * traced float nextAfter reads a float). Public because generated code calls it.
     */
    public static double floatNextAfter(double a, double direction) {
        return Math.nextAfter((float) a, direction);
    }

    private static double applyStrict(Op op, double a, double b) {
        return switch (op) {
            case ABS -> StrictMath.abs(a);
            case FLOOR -> StrictMath.floor(a);
            case CEIL -> StrictMath.ceil(a);
            case RINT -> StrictMath.rint(a);
            case SIGNUM -> StrictMath.signum(a);
            case ULP -> StrictMath.ulp(a);
            case NEXT_AFTER -> StrictMath.nextAfter(a, b);
            case IEEE_REM -> StrictMath.IEEEremainder(a, b);
            case SQRT -> StrictMath.sqrt(a);
            case CBRT -> StrictMath.cbrt(a);
            case EXP -> StrictMath.exp(a);
            case EXPM1 -> StrictMath.expm1(a);
            case LOG -> StrictMath.log(a);
            case LOG10 -> StrictMath.log10(a);
            case LOG1P -> StrictMath.log1p(a);
            case SIN -> StrictMath.sin(a);
            case COS -> StrictMath.cos(a);
            case TAN -> StrictMath.tan(a);
            case ASIN -> StrictMath.asin(a);
            case ACOS -> StrictMath.acos(a);
            case ATAN -> StrictMath.atan(a);
            case SINH -> StrictMath.sinh(a);
            case COSH -> StrictMath.cosh(a);
            case TANH -> StrictMath.tanh(a);
            case ATAN2 -> StrictMath.atan2(a, b);
            case POW -> StrictMath.pow(a, b);
            case HYPOT -> StrictMath.hypot(a, b);
            case MAX -> StrictMath.max(a, b);
            case MIN -> StrictMath.min(a, b);
            case COPY_SIGN -> StrictMath.copySign(a, b);
            default -> throw new IllegalArgumentException(op.symbol() + " has no StrictMath version");
        };
    }

    private static double apply(Op op, double a, double b) {
        return switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case REM -> a % b;
            case NEG -> -a;
            case TO_FLOAT, COPY, STOP_GRADIENT -> a;
            case FLOOR -> Math.floor(a);
            case CEIL -> Math.ceil(a);
            case RINT -> Math.rint(a);
            case SIGNUM -> Math.signum(a);
            case ULP -> Math.ulp(a);
            case NEXT_AFTER -> Math.nextAfter(a, b);
            case IEEE_REM -> Math.IEEEremainder(a, b);
            case ABS -> Math.abs(a);
            case SQRT -> Math.sqrt(a);
            case CBRT -> Math.cbrt(a);
            case EXP -> Math.exp(a);
            case EXPM1 -> Math.expm1(a);
            case LOG -> Math.log(a);
            case LOG10 -> Math.log10(a);
            case LOG1P -> Math.log1p(a);
            case SIN -> Math.sin(a);
            case COS -> Math.cos(a);
            case TAN -> Math.tan(a);
            case ASIN -> Math.asin(a);
            case ACOS -> Math.acos(a);
            case ATAN -> Math.atan(a);
            case SINH -> Math.sinh(a);
            case COSH -> Math.cosh(a);
            case TANH -> Math.tanh(a);
            case ASINH -> MathX.asinh(a);
            case ACOSH -> MathX.acosh(a);
            case ATANH -> MathX.atanh(a);
            case ERF -> MathX.erf(a);
            case LOGISTIC -> MathX.logistic(a);
            case ATAN2 -> Math.atan2(a, b);
            case POW -> Math.pow(a, b);
            case HYPOT -> Math.hypot(a, b);
            case MAX -> Math.max(a, b);
            case MIN -> Math.min(a, b);
            case COPY_SIGN -> Math.copySign(a, b);
            case FMA -> throw new AssertionError("handled by the caller");
        };
    }
}
