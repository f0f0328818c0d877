package io.crosscountry.samples.baselines;

import io.crosscountry.MathX;
import java.util.Arrays;

/**
 * A plain tape for reverse-mode AD, the way it is usually hand-rolled: every operation appends a
 * node (its value and up to two (parent, local partial) pairs) to growable primitive arrays and
 * returns the node's index as a handle; {@link #reverse(int)} then sweeps the tape backwards once
 * to accumulate adjoints.
 *
 * <p>Conventions where a derivative is not defined: abs has derivative 0 at 0; max and min return
 * the selected operand's handle (ties to the first, a NaN operand is selected); for {@code pow},
 * {@code ∂x = y·x^(y−1)} (0 when {@code y = 0}) and {@code ∂y = x^y·ln x} (0 at {@code x = 0},
 * NaN below); hypot has derivative 0 at the origin.
 *
 * <p>Arrays are kept between recordings ({@link #clear()} only resets the size). Not thread-safe.
 */
public final class Tape {

    private static final int NONE = -1;
    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);
    private static final double INV_LN10 = 1.0 / Math.log(10.0);

    private double[] value = new double[64];
    private int[] parent1 = new int[64];
    private double[] partial1 = new double[64];
    private int[] parent2 = new int[64];
    private double[] partial2 = new double[64];
    private double[] adjoint = new double[64];
    private int size;

    /** Forgets every node, keeping the arrays. */
    public void clear() {
        size = 0;
    }

    /** The number of nodes recorded. */
    public int size() {
        return size;
    }

    /** The value of a node. */
    public double value(int node) {
        return value[node];
    }

    /** The adjoint of a node after {@link #reverse(int)}: d output / d node. */
    public double adjoint(int node) {
        return adjoint[node];
    }

    /** An independent variable. */
    public int variable(double v) {
        return push(v, NONE, 0.0, NONE, 0.0);
    }

    /** A constant: a node without parents. */
    public int constant(double v) {
        return push(v, NONE, 0.0, NONE, 0.0);
    }

    /**
     * Accumulates the adjoints of every node with respect to {@code output}: resets them all, seeds
     * {@code output} with 1, and sweeps from {@code output} down to the first node. Nodes whose
     * adjoint is 0 do not reach the output and are skipped.
     */
    public void reverse(int output) {
        if (adjoint.length < value.length) {
            adjoint = new double[value.length];
        }
        Arrays.fill(adjoint, 0, size, 0.0);
        adjoint[output] = 1.0;
        for (int i = output; i >= 0; i--) {
            double w = adjoint[i];
            if (w == 0.0) {
                continue;
            }
            if (parent1[i] != NONE) {
                adjoint[parent1[i]] += partial1[i] * w;
            }
            if (parent2[i] != NONE) {
                adjoint[parent2[i]] += partial2[i] * w;
            }
        }
    }

    // ---- arithmetic ----

    public int add(int a, int b) {
        return push(value[a] + value[b], a, 1.0, b, 1.0);
    }

    public int add(int a, double c) {
        return push(value[a] + c, a, 1.0);
    }

    public int sub(int a, int b) {
        return push(value[a] - value[b], a, 1.0, b, -1.0);
    }

    public int sub(int a, double c) {
        return push(value[a] - c, a, 1.0);
    }

    public int sub(double c, int b) {
        return push(c - value[b], b, -1.0);
    }

    public int mul(int a, int b) {
        return push(value[a] * value[b], a, value[b], b, value[a]);
    }

    public int mul(int a, double c) {
        return push(value[a] * c, a, c);
    }

    public int div(int a, int b) {
        double r = value[a] / value[b];
        return push(r, a, 1.0 / value[b], b, -r / value[b]);
    }

    public int div(int a, double c) {
        return push(value[a] / c, a, 1.0 / c);
    }

    public int div(double c, int b) {
        double r = c / value[b];
        return push(r, b, -r / value[b]);
    }

    public int neg(int a) {
        return push(-value[a], a, -1.0);
    }

    /** Rounds to float; derivative 1 (float operations are differentiated as exact real ones). */
    public int toFloat(int a) {
        return push((float) value[a], a, 1.0);
    }

    /** A constant with the value of {@code a}: no derivative flows through it. */
    public int stopGradient(int a) {
        return constant(value[a]);
    }

    // ---- elementary functions ----

    public int abs(int a) {
        double x = value[a];
        return push(Math.abs(x), a, Math.signum(x));
    }

    public int sqrt(int a) {
        double r = Math.sqrt(value[a]);
        return push(r, a, 0.5 / r);
    }

    public int cbrt(int a) {
        double r = Math.cbrt(value[a]);
        return push(r, a, 1.0 / (3.0 * r * r));
    }

    public int exp(int a) {
        double r = Math.exp(value[a]);
        return push(r, a, r);
    }

    public int expm1(int a) {
        double r = Math.expm1(value[a]);
        return push(r, a, r + 1.0);
    }

    public int log(int a) {
        double x = value[a];
        return push(Math.log(x), a, 1.0 / x);
    }

    public int log10(int a) {
        double x = value[a];
        return push(Math.log10(x), a, INV_LN10 / x);
    }

    public int log1p(int a) {
        double x = value[a];
        return push(Math.log1p(x), a, 1.0 / (1.0 + x));
    }

    public int sin(int a) {
        double x = value[a];
        return push(Math.sin(x), a, Math.cos(x));
    }

    public int cos(int a) {
        double x = value[a];
        return push(Math.cos(x), a, -Math.sin(x));
    }

    public int tan(int a) {
        double r = Math.tan(value[a]);
        return push(r, a, 1.0 + r * r);
    }

    public int asin(int a) {
        double x = value[a];
        return push(Math.asin(x), a, 1.0 / Math.sqrt(1.0 - x * x));
    }

    public int acos(int a) {
        double x = value[a];
        return push(Math.acos(x), a, -1.0 / Math.sqrt(1.0 - x * x));
    }

    public int atan(int a) {
        double x = value[a];
        return push(Math.atan(x), a, 1.0 / (1.0 + x * x));
    }

    public int sinh(int a) {
        double x = value[a];
        return push(Math.sinh(x), a, Math.cosh(x));
    }

    public int cosh(int a) {
        double x = value[a];
        return push(Math.cosh(x), a, Math.sinh(x));
    }

    public int tanh(int a) {
        double r = Math.tanh(value[a]);
        return push(r, a, 1.0 - r * r);
    }

    public int asinh(int a) {
        double x = value[a];
        return push(MathX.asinh(x), a, 1.0 / Math.sqrt(x * x + 1.0));
    }

    public int acosh(int a) {
        double x = value[a];
        return push(MathX.acosh(x), a, 1.0 / Math.sqrt(x * x - 1.0));
    }

    public int atanh(int a) {
        double x = value[a];
        return push(MathX.atanh(x), a, 1.0 / (1.0 - x * x));
    }

    public int erf(int a) {
        double x = value[a];
        return push(MathX.erf(x), a, TWO_OVER_SQRT_PI * Math.exp(-x * x));
    }

    public int logistic(int a) {
        double r = MathX.logistic(value[a]);
        return push(r, a, r * (1.0 - r));
    }

    // ---- binary functions ----

    /** {@code atan2(y = a, x = b)}. */
    public int rem(int a, int b) {
        double x = value[a];
        double y = value[b];
        double r = x % y;
        return push(r, a, 1.0, b, -Opcode.quotient(x, y, r));
    }

    /** {@code Math.IEEEremainder(a, b)} = a − n·b, n the nearest integer to a/b: partials 1 and −n. */
    public int ieeeRemainder(int a, int b) {
        double x = value[a];
        double y = value[b];
        double r = Math.IEEEremainder(x, y);
        return push(r, a, 1.0, b, -Opcode.quotient(x, y, r));
    }

    public int atan2(int a, int b) {
        double y = value[a];
        double x = value[b];
        double d = x * x + y * y;
        return push(Math.atan2(y, x), a, x / d, b, -y / d);
    }

    public int pow(int a, int b) {
        double x = value[a];
        double y = value[b];
        double r = Math.pow(x, y);
        return push(r, a, powBase(x, y), b, powExponent(x, r));
    }

    public int pow(int a, double c) {
        double x = value[a];
        return push(Math.pow(x, c), a, powBase(x, c));
    }

    public int pow(double c, int b) {
        double r = Math.pow(c, value[b]);
        return push(r, b, powExponent(c, r));
    }

    public int hypot(int a, int b) {
        double x = value[a];
        double y = value[b];
        double r = Math.hypot(x, y);
        return r == 0.0 ? push(r, a, 0.0, b, 0.0) : push(r, a, x / r, b, y / r);
    }

    /** |a| with the sign of b; the derivative flows from a only (0 at a = 0, as {@link #abs}). */
    public int copySign(int a, int b) {
        double x = value[a];
        double r = Math.copySign(x, value[b]);
        return push(r, a, Math.signum(x) * Math.copySign(1.0, r));
    }

    /** The neighbour of a towards b ({@link Opcode#NEXT_AFTER} or its float form); derivative 1 from a. */
    public int nextAfter(int opcode, int a, int b) {
        return push(Opcode.nextAfter(opcode, value[a], value[b]), a, 1.0);
    }

    public int max(int a, int b) {
        double x = value[a];
        return x >= value[b] || x != x ? a : b;
    }

    public int min(int a, int b) {
        double x = value[a];
        return x <= value[b] || x != x ? a : b;
    }

    private static double powBase(double x, double y) {
        return y == 0.0 ? 0.0 : y * Math.pow(x, y - 1.0);
    }

    private static double powExponent(double x, double r) {
        return x > 0.0 ? r * Math.log(x) : (x == 0.0 ? 0.0 : Double.NaN);
    }

    // ---- storage ----

    private int push(double v, int p, double d) {
        return push(v, p, d, NONE, 0.0);
    }

    private int push(double v, int p1, double d1, int p2, double d2) {
        if (size == value.length) {
            grow();
        }
        value[size] = v;
        parent1[size] = p1;
        partial1[size] = d1;
        parent2[size] = p2;
        partial2[size] = d2;
        return size++;
    }

    private void grow() {
        int n = 2 * value.length;
        value = Arrays.copyOf(value, n);
        parent1 = Arrays.copyOf(parent1, n);
        partial1 = Arrays.copyOf(partial1, n);
        parent2 = Arrays.copyOf(parent2, n);
        partial2 = Arrays.copyOf(partial2, n);
    }
}
