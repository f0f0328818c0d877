package io.crosscountry.elimination;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The operations a graph vertex can perform: one scalar double (or float) operation each.
 *
 * <p>This table holds what the elimination layer needs to know: the name used in listings and JSON,
 * the arity, and which local partial derivatives are compile-time constants (for
 * {@link CostMode#EFFECTIVE}). Values and derivative formulas live with the compiler, which
 * evaluates and generates code.
 */
public enum Op {
    ADD("add", 2, Linear.ADD),
    SUB("sub", 2, Linear.SUB),
    MUL("mul", 2, Linear.MUL),
    DIV("div", 2, Linear.DIV),
    /**
     * The remainder {@code a % b} ({@code drem}, {@code frem}): a − n·b with n = trunc(a/b) fixed
     * between its jumps, so ∂/∂a = 1 (a constant) and ∂/∂b = −n.
     */
    REM("rem", 2, Linear.REM),
    NEG("neg", 1, Linear.NEG),
    /** Narrowing a double to float ({@code d2f}): value-preserving up to rounding, partial 1. */
    TO_FLOAT("to_float", 1, Linear.IDENTITY),
    /** A returned value that is an input, a literal or an already-returned vertex; partial 1. */
    COPY("copy", 1, Linear.IDENTITY),
    /**
     * Keeps its operand's value but not its derivative ({@code MathX.stopGradient}): the vertex has
     * an operand and no in-edge, like JAX's {@code stop_gradient}.
     */
    STOP_GRADIENT("stop_gradient", 1, Linear.NONE),
    /**
     * {@code Math.floor}: piecewise constant, so its derivative is 0 wherever it exists; like
     * {@link #STOP_GRADIENT} the vertex reads its operand without an in-edge. (At an integer the
     * derivative does not exist; the Jacobian reports 0 there too.)
     */
    FLOOR("floor", 1, Linear.NONE),
    /** {@code Math.ceil}: piecewise constant, no in-edge (see {@link #FLOOR}). */
    CEIL("ceil", 1, Linear.NONE),
    /** {@code Math.rint}: piecewise constant, no in-edge (see {@link #FLOOR}). */
    RINT("rint", 1, Linear.NONE),
    /** {@code Math.signum}: piecewise constant, no in-edge (see {@link #FLOOR}). */
    SIGNUM("signum", 1, Linear.NONE),
    ABS("abs", 1, Linear.NONE),
    SQRT("sqrt", 1, Linear.NONE),
    CBRT("cbrt", 1, Linear.NONE),
    EXP("exp", 1, Linear.NONE),
    EXPM1("expm1", 1, Linear.NONE),
    LOG("log", 1, Linear.NONE),
    LOG10("log10", 1, Linear.NONE),
    LOG1P("log1p", 1, Linear.NONE),
    SIN("sin", 1, Linear.NONE),
    COS("cos", 1, Linear.NONE),
    TAN("tan", 1, Linear.NONE),
    ASIN("asin", 1, Linear.NONE),
    ACOS("acos", 1, Linear.NONE),
    ATAN("atan", 1, Linear.NONE),
    SINH("sinh", 1, Linear.NONE),
    COSH("cosh", 1, Linear.NONE),
    TANH("tanh", 1, Linear.NONE),
    ASINH("asinh", 1, Linear.NONE),
    ACOSH("acosh", 1, Linear.NONE),
    ATANH("atanh", 1, Linear.NONE),
    ERF("erf", 1, Linear.NONE),
    LOGISTIC("logistic", 1, Linear.NONE),
    ATAN2("atan2", 2, Linear.NONE),
    POW("pow", 2, Linear.NONE),
    HYPOT("hypot", 2, Linear.NONE),
    MAX("max", 2, Linear.NONE),
    MIN("min", 2, Linear.NONE),
    /**
     * The fused multiply-add {@code Math.fma(a, b, c)}: a·b + c rounded once, so ∂/∂a = b,
     * ∂/∂b = a and ∂/∂c = 1 (a constant).
     */
    FMA("fma", 3, Linear.FMA),
    /**
     * {@code Math.copySign(magnitude, sign)}: |magnitude| with the sign of {@code sign}. Only the
     * magnitude's derivative flows (±1, or 0 at 0 like abs); the sign operand is read without an
     * in-edge (piecewise constant, like {@link #SIGNUM}).
     */
    COPY_SIGN("copysign", 2, Linear.NONE),
    /**
     * {@code Math.ulp}: the distance to the next larger magnitude, piecewise constant (it jumps at
     * powers of two), so like {@link #FLOOR} the vertex reads its operand without an in-edge.
     */
    ULP("ulp", 1, Linear.NONE),
    /**
     * {@code Math.nextAfter(start, direction)} (and {@code nextUp}, {@code nextDown}, with a
     * literal ±∞ direction): the neighbouring double of {@code start}, so ∂/∂start = 1 as for
     * {@code start} itself (a constant); the direction is read without an in-edge.
     */
    NEXT_AFTER("nextafter", 2, Linear.START),
    /**
     * {@code Math.IEEEremainder(a, b)}: a − n·b with n the integer nearest a/b (ties to even),
     * fixed between its jumps, so as for {@link #REM} ∂/∂a = 1 (a constant) and ∂/∂b = −n; wraps
     * an angle into [−π, π] with {@code IEEEremainder(t, 2π)}.
     */
    IEEE_REM("ieee_rem", 2, Linear.REM);

    private static final Map<String, Op> BY_SYMBOL =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Op::symbol, Function.identity()));

    private final String symbol;
    private final int arity;
    private final Linear linear;

    Op(String symbol, int arity, Linear linear) {
        this.symbol = symbol;
        this.arity = arity;
        this.linear = linear;
    }

    /** The lower-case name used in listings, JSON and error messages (e.g. {@code "mul"}). */
    public String symbol() {
        return symbol;
    }

    /** The number of operands. */
    public int arity() {
        return arity;
    }

    /**
     * Whether the operands' derivatives flow through this operation: false for stop_gradient and
     * the piecewise-constant operations (floor, ceil, rint, signum, ulp), whose vertices read their
     * operand without an in-edge.
     */
    public boolean differentiable() {
        return switch (this) {
            case STOP_GRADIENT, FLOOR, CEIL, RINT, SIGNUM, ULP -> false;
            default -> true;
        };
    }

    /**
     * Whether operand {@code position}'s derivative flows through this operation (an in-edge from
     * it): as {@link #differentiable()}, except copysign's sign operand and nextafter's direction,
     * which have none.
     */
    public boolean differentiable(int position) {
        return differentiable() && !((this == COPY_SIGN || this == NEXT_AFTER) && position == 1);
    }

    /** The operation with this symbol, if any. */
    public static Optional<Op> bySymbol(String symbol) {
        return Optional.ofNullable(BY_SYMBOL.get(symbol));
    }

    /**
     * The partial derivative of this operation with respect to operand {@code index} when it is a
     * compile-time constant, else {@code NaN}.
     *
     * <p>Only the operand's own position is considered; the caller sums positions that refer to
     * the same value. Constant partials are: {@code ±1} for add, sub, neg, copy and to_float, and
     * {@code 1} for the dividend of rem and ieee_rem;
     * {@code c} for a multiplication by a literal {@code c}; {@code 1/c} for a division by a
     * literal {@code c} (numerator position only); for fma, {@code 1} for the addend and the other
     * factor where it is a literal; {@code 1} for nextafter's start.
     *
     * @param index    the operand position
     * @param literals the operands' literal values, {@code NaN} where the operand is not a literal
     *                 (a literal NaN operand is treated as not constant, which only costs precision
     *                 of the count, never correctness)
     */
    double constantPartial(int index, double[] literals) {
        return linear.partial(index, literals);
    }

    /** Which operations have constant partials, and what they are. */
    private enum Linear {
        NONE {
            @Override
            double partial(int index, double[] literals) {
                return Double.NaN;
            }
        },
        IDENTITY {
            @Override
            double partial(int index, double[] literals) {
                return 1.0;
            }
        },
        ADD {
            @Override
            double partial(int index, double[] literals) {
                return 1.0;
            }
        },
        SUB {
            @Override
            double partial(int index, double[] literals) {
                return index == 0 ? 1.0 : -1.0;
            }
        },
        NEG {
            @Override
            double partial(int index, double[] literals) {
                return -1.0;
            }
        },
        MUL {
            @Override
            double partial(int index, double[] literals) {
                return literals[1 - index];
            }
        },
        DIV {
            @Override
            double partial(int index, double[] literals) {
                return index == 0 ? 1.0 / literals[1] : Double.NaN;
            }
        },
        REM {
            @Override
            double partial(int index, double[] literals) {
                return index == 0 ? 1.0 : Double.NaN;
            }
        },
        FMA {
            @Override
            double partial(int index, double[] literals) {
                return index == 2 ? 1.0 : literals[1 - index];
            }
        },
        START {
            @Override
            double partial(int index, double[] literals) {
                return index == 0 ? 1.0 : Double.NaN;
            }
        };

        abstract double partial(int index, double[] literals);
    }
}
