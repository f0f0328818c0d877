package io.crosscountry.analysis;

import io.crosscountry.elimination.Op;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Static methods the analysis turns into one vertex each: {@code java.lang.Math},
 * {@code java.lang.StrictMath}, {@link io.crosscountry.MathX}, and {@code Double}'s and
 * {@code Float}'s {@code sum}, {@code max} and {@code min}.
 */
final class Intrinsics {

    private static final Map<String, Op> TABLE = new HashMap<>();

    static {
        for (String owner : new String[] {"java/lang/Math", "java/lang/StrictMath"}) {
            unary(owner, "sqrt", Op.SQRT);
            unary(owner, "cbrt", Op.CBRT);
            unary(owner, "abs", Op.ABS);
            unary(owner, "floor", Op.FLOOR);
            unary(owner, "ceil", Op.CEIL);
            unary(owner, "rint", Op.RINT);
            unary(owner, "signum", Op.SIGNUM);
            unary(owner, "ulp", Op.ULP);
            unary(owner, "exp", Op.EXP);
            unary(owner, "expm1", Op.EXPM1);
            unary(owner, "log", Op.LOG);
            unary(owner, "log10", Op.LOG10);
            unary(owner, "log1p", Op.LOG1P);
            unary(owner, "sin", Op.SIN);
            unary(owner, "cos", Op.COS);
            unary(owner, "tan", Op.TAN);
            unary(owner, "asin", Op.ASIN);
            unary(owner, "acos", Op.ACOS);
            unary(owner, "atan", Op.ATAN);
            unary(owner, "sinh", Op.SINH);
            unary(owner, "cosh", Op.COSH);
            unary(owner, "tanh", Op.TANH);
            binary(owner, "atan2", Op.ATAN2);
            binary(owner, "pow", Op.POW);
            binary(owner, "hypot", Op.HYPOT);
            binary(owner, "max", Op.MAX);
            binary(owner, "min", Op.MIN);
            TABLE.put(owner + ".fma(DDD)D", Op.FMA);
            TABLE.put(owner + ".fma(FFF)F", Op.FMA);
            TABLE.put(owner + ".copySign(DD)D", Op.COPY_SIGN);
            TABLE.put(owner + ".copySign(FF)F", Op.COPY_SIGN);
            binary(owner, "nextAfter", Op.NEXT_AFTER);
            binary(owner, "IEEEremainder", Op.IEEE_REM);
            TABLE.put(owner + ".nextAfter(FD)F", Op.NEXT_AFTER);
            TABLE.put(owner + ".abs(F)F", Op.ABS);
            TABLE.put(owner + ".signum(F)F", Op.SIGNUM);
            TABLE.put(owner + ".ulp(F)F", Op.ULP);
            TABLE.put(owner + ".max(FF)F", Op.MAX);
            TABLE.put(owner + ".min(FF)F", Op.MIN);
        }
        // Double.sum/max/min and Float's are +, Math.max and Math.min (their definitions), which
        // method references such as Double::sum in a reduction call
        binary("java/lang/Double", "sum", Op.ADD);
        binary("java/lang/Double", "max", Op.MAX);
        binary("java/lang/Double", "min", Op.MIN);
        TABLE.put("java/lang/Float.sum(FF)F", Op.ADD);
        TABLE.put("java/lang/Float.max(FF)F", Op.MAX);
        TABLE.put("java/lang/Float.min(FF)F", Op.MIN);
        String mathx = "io/crosscountry/MathX";
        unary(mathx, "asinh", Op.ASINH);
        unary(mathx, "acosh", Op.ACOSH);
        unary(mathx, "atanh", Op.ATANH);
        unary(mathx, "erf", Op.ERF);
        unary(mathx, "logistic", Op.LOGISTIC);
        unary(mathx, "stopGradient", Op.STOP_GRADIENT);
    }

    private Intrinsics() {
    }

    private static void unary(String owner, String name, Op op) {
        TABLE.put(owner + "." + name + "(D)D", op);
    }

    private static void binary(String owner, String name, Op op) {
        TABLE.put(owner + "." + name + "(DD)D", op);
    }

    /** The operation for a static call, if it is an intrinsic. */
    static Optional<Op> lookup(String owner, String name, String descriptor) {
        return Optional.ofNullable(TABLE.get(owner + "." + name + descriptor));
    }

    /**
     * JDK functional interfaces whose default and static methods (composition: {@code andThen},
     * {@code compose}, {@code identity}, {@code and}, {@code or}, {@code negate}) are traced like
     * user code: their bodies only create and call lambdas.
     */
    private static final java.util.Set<String> TRACED_JDK =
            java.util.Set.of("java/util/function/DoubleUnaryOperator", "java/util/function/DoublePredicate");

    /** Whether calls to this class are library calls that must be intrinsics (never inlined). */
    static boolean isLibrary(String owner) {
        return (owner.startsWith("java/") || owner.startsWith("javax/") || owner.startsWith("jdk/")
                || owner.startsWith("sun/") || owner.equals("io/crosscountry/MathX")) && !TRACED_JDK.contains(owner);
    }
}
