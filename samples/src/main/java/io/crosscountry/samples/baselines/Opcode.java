package io.crosscountry.samples.baselines;

import io.crosscountry.elimination.Op;

/**
 * The instruction set of a {@link Program}: small ints, so that every baseline dispatches with one
 * {@code switch} on an int per instruction.
 *
 * <p>Operands are slots ({@code a}, {@code b}) and, for the {@code _K} forms, a literal {@code k}:
 * <ul>
 *   <li>{@link #CONST}: the literal {@code k} (a folded operation on literals only);</li>
 *   <li>{@link #COPY_SIGN}: {@code |a|} with the sign of {@code b}; the derivative flows from
 *       {@code a} only ({@code b} is read for its sign);</li>
 *   <li>{@link #NEXT_AFTER}, {@link #NEXT_AFTER_F}: the neighbour of {@code a} towards {@code b},
 *       derivative 1 from {@code a} only;</li>
 *   <li>{@link #STOP}: the value of slot {@code a} without its derivative (stop_gradient);</li>
 *   <li>{@link #FLOOR}, {@link #CEIL}, {@link #RINT}, {@link #SIGNUM}, {@link #ULP},
 *       {@link #ULP_F}: piecewise constant, so like
 *       {@link #STOP} a value without a derivative ({@link #piecewise});</li>
 *   <li>{@link #ROUND}: slot {@code a} rounded to float, derivative 1 (to_float, and the result of
 *       every float operation);</li>
 *   <li>unary functions read {@code a}; binary ones read {@code a} and {@code b};</li>
 *   <li>{@code X_K} computes {@code a X k}; {@code K_X} computes {@code k X a}.</li>
 * </ul>
 * An operation with one literal operand and no {@code _K} form (atan2, hypot, max, min, rem,
 * ieee_rem, copysign, nextafter) reads the literal from a preceding {@link #CONST} instruction.
 */
final class Opcode {

    static final int CONST = 0;
    static final int STOP = 1;
    static final int ROUND = 2;
    static final int COPY = 3;
    static final int NEG = 4;
    static final int ABS = 5;
    static final int SQRT = 6;
    static final int CBRT = 7;
    static final int EXP = 8;
    static final int EXPM1 = 9;
    static final int LOG = 10;
    static final int LOG10 = 11;
    static final int LOG1P = 12;
    static final int SIN = 13;
    static final int COS = 14;
    static final int TAN = 15;
    static final int ASIN = 16;
    static final int ACOS = 17;
    static final int ATAN = 18;
    static final int SINH = 19;
    static final int COSH = 20;
    static final int TANH = 21;
    static final int ASINH = 22;
    static final int ACOSH = 23;
    static final int ATANH = 24;
    static final int ERF = 25;
    static final int LOGISTIC = 26;
    static final int ADD = 27;
    static final int SUB = 28;
    static final int MUL = 29;
    static final int DIV = 30;
    static final int ATAN2 = 31;
    static final int POW = 32;
    static final int HYPOT = 33;
    static final int MAX = 34;
    static final int MIN = 35;
    static final int ADD_K = 36;
    static final int SUB_K = 37;
    static final int K_SUB = 38;
    static final int MUL_K = 39;
    static final int DIV_K = 40;
    static final int K_DIV = 41;
    static final int POW_K = 42;
    static final int K_POW = 43;
    static final int FLOOR = 44;
    static final int CEIL = 45;
    static final int RINT = 46;
    static final int SIGNUM = 47;
    static final int REM = 48;
    static final int COPY_SIGN = 49;
    static final int ULP = 50;
    /** The float ulp of slot {@code a} (a float value): {@code Math.ulp(float)}. */
    static final int ULP_F = 51;
    static final int NEXT_AFTER = 52;
    /** The float neighbour of slot {@code a} (a float value) towards {@code b}: {@code Math.nextAfter(float, …)}. */
    static final int NEXT_AFTER_F = 53;
    static final int IEEE_REM = 54;

    private static final String[] NAMES = {
        "const", "stop", "round", "copy", "neg", "abs", "sqrt", "cbrt", "exp", "expm1", "log", "log10",
        "log1p", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh",
        "atanh", "erf", "logistic", "add", "sub", "mul", "div", "atan2", "pow", "hypot", "max", "min",
        "add_k", "sub_k", "k_sub", "mul_k", "div_k", "k_div", "pow_k", "k_pow",
        "floor", "ceil", "rint", "signum", "rem", "copysign", "ulp", "ulp_f",
        "nextafter", "nextafter_f", "ieee_rem"};

    private Opcode() {
    }

    /** The lower-case name of an opcode, for listings and error messages. */
    static String name(int opcode) {
        return NAMES[opcode];
    }

    /** Whether the opcode is one of the piecewise-constant functions (value only, derivative 0). */
    static boolean isPiecewise(int opcode) {
        return opcode >= FLOOR && opcode <= SIGNUM || opcode == ULP || opcode == ULP_F;
    }

    /** The value of a piecewise-constant opcode ({@link #isPiecewise}) at {@code u}. */
    static double piecewise(int opcode, double u) {
        return switch (opcode) {
            case FLOOR -> Math.floor(u);
            case CEIL -> Math.ceil(u);
            case RINT -> Math.rint(u);
            case SIGNUM -> Math.signum(u);
            case ULP -> Math.ulp(u);
            case ULP_F -> Math.ulp((float) u);
            default -> throw new IllegalArgumentException("not piecewise constant: " + name(opcode));
        };
    }

    /** The value of {@link #NEXT_AFTER} or {@link #NEXT_AFTER_F} at {@code u} towards {@code w}. */
    static double nextAfter(int opcode, double u, double w) {
        return opcode == NEXT_AFTER_F ? Math.nextAfter((float) u, w) : Math.nextAfter(u, w);
    }

    /**
     * The integer n of {@code r = a - n·b} ({@code a % b} or {@code IEEEremainder(a, b)}), for the
     * partial −n with respect to b.
     */
    static double quotient(double a, double b, double r) {
        return Math.rint((a - r) / b);
    }

    /** Whether the instruction reads slot {@code b} (the binary operations on two slots). */
    static boolean readsB(int opcode) {
        return opcode >= ADD && opcode <= MIN || opcode == REM || opcode == COPY_SIGN || opcode == NEXT_AFTER
                || opcode == NEXT_AFTER_F || opcode == IEEE_REM;
    }

    /** Whether the instruction reads slot {@code a} (everything but {@link #CONST}). */
    static boolean readsA(int opcode) {
        return opcode != CONST;
    }

    /** The opcode of a unary operation, or of a binary one on two slots. */
    static int of(Op op) {
        return switch (op) {
            case COPY -> COPY;
            case TO_FLOAT -> ROUND;
            case STOP_GRADIENT -> STOP;
            case FLOOR -> FLOOR;
            case CEIL -> CEIL;
            case RINT -> RINT;
            case SIGNUM -> SIGNUM;
            case ULP -> ULP;
            case NEXT_AFTER -> NEXT_AFTER;
            case IEEE_REM -> IEEE_REM;
            case NEG -> NEG;
            case ABS -> ABS;
            case SQRT -> SQRT;
            case CBRT -> CBRT;
            case EXP -> EXP;
            case EXPM1 -> EXPM1;
            case LOG -> LOG;
            case LOG10 -> LOG10;
            case LOG1P -> LOG1P;
            case SIN -> SIN;
            case COS -> COS;
            case TAN -> TAN;
            case ASIN -> ASIN;
            case ACOS -> ACOS;
            case ATAN -> ATAN;
            case SINH -> SINH;
            case COSH -> COSH;
            case TANH -> TANH;
            case ASINH -> ASINH;
            case ACOSH -> ACOSH;
            case ATANH -> ATANH;
            case ERF -> ERF;
            case LOGISTIC -> LOGISTIC;
            case ADD -> ADD;
            case SUB -> SUB;
            case MUL -> MUL;
            case DIV -> DIV;
            case REM -> REM;
            case ATAN2 -> ATAN2;
            case POW -> POW;
            case HYPOT -> HYPOT;
            case MAX -> MAX;
            case MIN -> MIN;
            case COPY_SIGN -> COPY_SIGN;
            case FMA -> throw new IllegalArgumentException("fma has no opcode: a Program runs it as mul and add");
        };
    }

    /**
     * The {@code _K} form of a binary operation whose operand at {@code literalPosition} is a
     * literal, or -1 when it has none (the literal then goes through a {@link #CONST}). Additions and
     * multiplications are commutative, so a leading literal uses the {@code X_K} form.
     */
    static int withLiteral(Op op, int literalPosition) {
        boolean second = literalPosition == 1;
        return switch (op) {
            case ADD -> ADD_K;
            case MUL -> MUL_K;
            case SUB -> second ? SUB_K : K_SUB;
            case DIV -> second ? DIV_K : K_DIV;
            case POW -> second ? POW_K : K_POW;
            default -> -1;
        };
    }
}
