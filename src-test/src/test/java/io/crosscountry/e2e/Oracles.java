package io.crosscountry.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Function;

/** Jacobian oracles independent of crosscountry: central differences and forward-mode dual numbers. */
final class Oracles {

    private Oracles() {
    }

    /** Central differences of {@code f} at {@code x} (step {@code 1e-6} relative). */
    static double[][] centralDifferences(Function<double[], double[]> f, double[] x) {
        int m = f.apply(x).length;
        double[][] J = new double[m][x.length];
        for (int k = 0; k < x.length; k++) {
            double h = 1e-6 * Math.max(1.0, Math.abs(x[k]));
            double[] up = x.clone();
            double[] down = x.clone();
            up[k] += h;
            down[k] -= h;
            double[] fu = f.apply(up);
            double[] fd = f.apply(down);
            for (int i = 0; i < m; i++) {
                J[i][k] = (fu[i] - fd[i]) / (up[k] - down[k]);
            }
        }
        return J;
    }

    /** A dual number {@code v + d ε}, ε² = 0: its {@code d} is an exact directional derivative. */
    record Dual(double v, double d) {
        static Dual of(double v) {
            return new Dual(v, 0.0);
        }

        Dual plus(Dual o) {
            return new Dual(v + o.v, d + o.d);
        }

        Dual minus(double c) {
            return new Dual(v - c, d);
        }

        Dual times(Dual o) {
            return new Dual(v * o.v, d * o.v + v * o.d);
        }

        Dual cos() {
            return new Dual(Math.cos(v), -Math.sin(v) * d);
        }

        Dual sin() {
            return new Dual(Math.sin(v), Math.cos(v) * d);
        }

        static Dual hypot(Dual a, Dual b) {
            double h = Math.hypot(a.v, b.v);
            return new Dual(h, (a.v * a.d + b.v * b.d) / h);
        }
    }

    /** Column {@code k} of each row by seeding input {@code k}: {@code f} written over dual numbers. */
    static double[][] dualNumbers(Function<Dual[], Dual[]> f, double[] x) {
        double[][] J = null;
        for (int k = 0; k < x.length; k++) {
            Dual[] in = new Dual[x.length];
            for (int i = 0; i < x.length; i++) {
                in[i] = new Dual(x[i], i == k ? 1.0 : 0.0);
            }
            Dual[] out = f.apply(in);
            if (J == null) {
                J = new double[out.length][x.length];
            }
            for (int i = 0; i < out.length; i++) {
                J[i][k] = out[i].d();
            }
        }
        return J;
    }

    static void assertClose(double[][] expected, double[][] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": rows");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, actual[i].length, what + ": columns of row " + i);
            for (int k = 0; k < expected[i].length; k++) {
                double scale = Math.max(1.0, Math.abs(expected[i][k]));
                assertEquals(expected[i][k], actual[i][k], tolerance * scale, what + ": J[" + i + "][" + k + "]");
            }
        }
    }
}
