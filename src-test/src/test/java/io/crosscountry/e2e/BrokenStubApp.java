package io.crosscountry.e2e;

import io.crosscountry.Differentiable;
import io.crosscountry.JacobianOf;

/** Run with the agent: its stub is invalid, so the agent logs one line and the class loads and runs untouched. */
public final class BrokenStubApp {

    private BrokenStubApp() {
    }

    @Differentiable
    static double f(double a) {
        return a * a;
    }

    /** Invalid: f returns double but takes one parameter; this stub takes two. */
    @JacobianOf("f")
    static double[][] jacobianOfF(double a, double b) {
        throw new UnsupportedOperationException("untouched");
    }

    public static void main(String[] args) {
        System.out.println("f(3) = " + f(3.0));
        try {
            jacobianOfF(1.0, 2.0);
        } catch (UnsupportedOperationException e) {
            System.out.println("stub " + e.getMessage());
        }
    }
}
