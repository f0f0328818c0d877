package io.crosscountry.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;

/** Central differences on a {@code (double, double[]) -> double[]} method: an oracle independent of crosscountry. */
final class Oracle {

    private Oracle() {
    }

    static double[][] centralDifferences(Method f, double a, double[] x) throws ReflectiveOperationException {
        double[] in = new double[x.length + 1];
        in[0] = a;
        System.arraycopy(x, 0, in, 1, x.length);
        int m = call(f, in).length;
        double[][] J = new double[m][in.length];
        for (int k = 0; k < in.length; k++) {
            double h = 1e-6 * Math.max(1.0, Math.abs(in[k]));
            double[] up = in.clone();
            double[] down = in.clone();
            up[k] += h;
            down[k] -= h;
            double[] fu = call(f, up);
            double[] fd = call(f, down);
            for (int i = 0; i < m; i++) {
                J[i][k] = (fu[i] - fd[i]) / (up[k] - down[k]);
            }
        }
        return J;
    }

    private static double[] call(Method f, double[] in) throws ReflectiveOperationException {
        double[] x = new double[in.length - 1];
        System.arraycopy(in, 1, x, 0, x.length);
        return (double[]) f.invoke(null, in[0], x);
    }

    static void assertClose(double[][] expected, double[][] actual, double tolerance) {
        assertEquals(expected.length, actual.length, "rows");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, actual[i].length, "columns of row " + i);
            for (int k = 0; k < expected[i].length; k++) {
                double scale = Math.max(1.0, Math.abs(expected[i][k]));
                assertEquals(expected[i][k], actual[i][k], tolerance * scale, "J[" + i + "][" + k + "]");
            }
        }
    }
}
