package io.crosscountry.samples.paper;

/**
 * Array helpers shared by the tensor tasks. The analysis inlines them at each call, so every
 * double operation here is a vertex of the calling task, in the order written.
 */
final class Tensors {

    private Tensors() {
    }

    /** Σ x_i, additions left to right (as {@code reduce_sum}). */
    static double sum(double[] x) {
        double s = x[0];
        for (int i = 1; i < x.length; i++) {
            s += x[i];
        }
        return s;
    }

    /** ⟨x, y⟩, products accumulated left to right. */
    static double dot(double[] x, double[] y) {
        double s = x[0] * y[0];
        for (int i = 1; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    /** x² element-wise, one vertex (one edge) per element. */
    static double[] square(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * x[i];
        }
        return y;
    }

    /** The transpose of an (m, n) row-major matrix: array moves only, no double operation. */
    static double[] transpose(double[] a, int m, int n) {
        double[] t = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                t[m * j + i] = a[n * i + j];
            }
        }
        return t;
    }
}
