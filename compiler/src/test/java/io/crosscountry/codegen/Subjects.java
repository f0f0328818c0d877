package io.crosscountry.codegen;

import io.crosscountry.MathX;

/** Methods differentiated by the code generator's tests. Markers name lines the tests expect. */
@SuppressWarnings("unused")
public final class Subjects {

    static final double[] WEIGHTS = {0.5, -1.25, 2.0, 0.75};

    private Subjects() {
    }

    /** x − x: the two partials sum to the constant 0. */
    public static double xMinusX(double x, double y) {
        return x - x + y;
    }

    public static double xTimesX(double x, double y) {
        return x * x + y;
    }

    /** x / x: partials 1/x − x/x², computed at run time. */
    public static double xOverX(double x) {
        return x / x * 3.0;
    }

    public static double selfOperands(double x) {
        return Math.pow(x, x) + Math.max(x, x) + Math.atan2(x, x) + Math.hypot(x, x) + Math.min(x, x);
    }

    /** a is an output that later vertices consume. */
    public static double[] consumedLater(double x, double y) {
        double a = x * y;
        double b = Math.sin(a) + a;
        return new double[] {a, b, a * b};
    }

    /** Returns an input, a literal and a vertex twice: COPY vertices. */
    public static double[] copies(double x, double y) {
        double s = x * y;
        return new double[] {x, 2.5, s, s, y};
    }

    public static double literals(double x) {
        return x / 4.0 + 3.0 / x - x * 0.0 + 2.0 * x - (1.5 - x) + Math.pow(x, 2.0) + Math.pow(x, 0.0)
                + Math.pow(x, 1.0) + Math.pow(x, -1.5) + Math.pow(3.0, x) + Math.pow(0.0, x) + Math.max(x, 0.25);
    }

    /** Three divisions, two of them by y, and a square root of y. */
    public static double[] sharedDivisor(double x, double y, double z) {
        return new double[] {x / y, z / y, Math.sqrt(y), x / z};
    }

    /** Repeated calls: {@code cos(t)} and {@code sin(t)} twice each, {@code atan2(t, u)} twice, {@code exp(u)} once. */
    public static double[] repeatedCalls(double t, double u) {
        double a = Math.cos(t) * Math.sin(t);
        double b = Math.cos(t) + Math.sin(t) * u;
        double c = Math.atan2(t, u) - Math.exp(u);
        return new double[] {a, b, c * Math.atan2(t, u)};
    }

    public static double[] floats(float a, float b, double c) {
        float p = a * b - a / b;
        float q = -p + Math.abs(a) * Math.max(a, b) - Math.min(a, b);
        double r = (float) (c * q) + c;
        return new double[] {p, q, r};
    }

    public static double strict(double x, double y) {
        return StrictMath.sin(x) * StrictMath.exp(y) + StrictMath.pow(x, y) + StrictMath.tanh(x * y)
                + StrictMath.atan2(y, x) + StrictMath.cbrt(y) + StrictMath.hypot(x, y);
    }

    /** A softmax-style shift: the max is used, not differentiated. */
    public static double[] stopped(double x, double y) {
        double m = MathX.stopGradient(Math.max(x, y));
        double ex = Math.exp(x - m);
        double ey = Math.exp(y - m);
        double s = ex + ey;
        return new double[] {ex / s, ey / s, MathX.stopGradient(x * y)};
    }

    /** Unused vertices: dead products are still emitted (they are counted). */
    public static double deadCode(double x, double y) {
        double unused = Math.sin(x) * y;
        double alsoUnused = unused * x + y;
        return x * y;
    }

    /** A loop, a static final weight table, a helper. */
    public static double[] loop(double[] x, int n) {
        double[] r = new double[n];
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            s = s + WEIGHTS[i % WEIGHTS.length] * squash(x[i % x.length] * s + x[(i + 1) % x.length]);
            r[i] = s;
        }
        return r;
    }

    private static double squash(double v) {
        return MathX.logistic(v) + MathX.erf(v) * 0.5 + MathX.asinh(v);
    }

    public static double inverseHyperbolic(double x, double y) {
        return MathX.acosh(x + 1.0) + MathX.atanh(y) + MathX.asinh(x * y);
    }

    public static double trig(double x, double y) {
        return Math.tan(x) + Math.asin(y) * Math.acos(y) + Math.atan(x / y) + Math.sinh(y) * Math.cosh(x)
                + Math.log10(x) + Math.log1p(y) + Math.expm1(x) + Math.sqrt(x) + Math.cbrt(y) + Math.abs(y);
    }

    public static double guarded(double x, double y) {
        if (x > y) { // @guard
            return x * y;
        }
        return x - y + Math.sin(x);
    }

    public static double[] matrix(double[][] m, double[] v) {
        double[] r = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            double s = 0.0;
            for (int j = 0; j < v.length; j++) {
                s += m[i][j] * v[j];
            }
            r[i] = Math.tanh(s);
        }
        return r;
    }

    /** tanh(M·v) in float, a float[][] input. */
    public static float[] floatMatrix(float[][] m, float[] v) {
        float[] r = new float[m.length];
        for (int i = 0; i < m.length; i++) {
            float s = 0f;
            for (int j = 0; j < v.length; j++) {
                s += m[i][j] * v[j];
            }
            r[i] = (float) Math.tanh(s);
        }
        return r;
    }

    /** The outer product a·bᵀ + sin b, a float[][] output. */
    public static float[][] floatOuter(float[] a, float[] b) {
        float[][] r = new float[a.length][b.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                r[i][j] = a[i] * b[j] + (float) Math.sin(b[j]);
            }
        }
        return r;
    }

    /** Each row's largest element, found by comparisons (guards), scaled by 2. */
    public static float[] floatRowMax(float[][] m) {
        float[] r = new float[m.length];
        for (int i = 0; i < m.length; i++) {
            float best = m[i][0];
            for (int j = 1; j < m[i].length; j++) {
                if (m[i][j] > best) {
                    best = m[i][j];
                }
            }
            r[i] = 2f * best;
        }
        return r;
    }
}
