package io.crosscountry.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.Op;
import io.crosscountry.elimination.Operand;
import org.junit.jupiter.api.Test;

/** The documented conventions where a derivative is not defined, through generated code. */
class PartialsTest {

    /** The Jacobian of one {@code op} vertex at {@code (a, b)}. */
    private static double[] jacobian(Op op, double a, double b) {
        Graph.Builder gb = Graph.builder(op.arity());
        int v = op.arity() == 1 ? gb.add(op, Operand.input(0)) : gb.add(op, Operand.input(0), Operand.input(1));
        Graph g = gb.outputs(v).build();
        CompiledPath path = JacobianCompiler.compile(g, g.forwardOrder());
        double[][] j = new double[1][op.arity()];
        assertTrue(path.evaluate(op.arity() == 1 ? new double[] {a} : new double[] {a, b}, path.newWorkArray(), j));
        return j[0];
    }

    private static double literalPow(double x, double exponent) {
        Graph.Builder gb = Graph.builder(1);
        Graph g = gb.outputs(gb.add(Op.POW, Operand.input(0), Operand.literal(exponent))).build();
        CompiledPath path = JacobianCompiler.compile(g, g.forwardOrder());
        double[][] j = new double[1][1];
        path.evaluate(new double[] {x}, path.newWorkArray(), j);
        return j[0][0];
    }

    @Test
    void absHasZeroSlopeAtZero() {
        assertEquals(0.0, jacobian(Op.ABS, 0.0, 0)[0]);
        assertEquals(-1.0, jacobian(Op.ABS, -3.0, 0)[0]);
    }

    @Test
    void maxAndMinGiveTiesToTheFirstOperandAndFollowNaN() {
        assertEquals(1.0, jacobian(Op.MAX, 2.0, 2.0)[0]);
        assertEquals(0.0, jacobian(Op.MAX, 2.0, 2.0)[1]);
        assertEquals(1.0, jacobian(Op.MIN, 2.0, 2.0)[0]);
        assertEquals(0.0, jacobian(Op.MIN, 2.0, 2.0)[1]);
        assertEquals(1.0, jacobian(Op.MAX, 1.0, 3.0)[1]);
        assertEquals(1.0, jacobian(Op.MIN, 3.0, 1.0)[1]);
        assertEquals(1.0, jacobian(Op.MAX, Double.NaN, 1.0)[0]);
        assertEquals(1.0, jacobian(Op.MAX, 1.0, Double.NaN)[1]);
        assertEquals(1.0, jacobian(Op.MIN, 1.0, Double.NaN)[1]);
    }

    @Test
    void powConventions() {
        double[] atZero = jacobian(Op.POW, 0.0, 2.5);
        assertEquals(0.0, atZero[0]);
        assertEquals(0.0, atZero[1], "d/dy 0^y = 0");
        assertTrue(Double.isNaN(jacobian(Op.POW, -2.0, 3.0)[1]), "d/dy x^y is NaN for x < 0");
        assertEquals(12.0, jacobian(Op.POW, -2.0, 3.0)[0]);
        assertEquals(0.0, jacobian(Op.POW, 0.0, 0.0)[0], "d/dx x^0 = 0, also at 0");
        assertEquals(8.0 * Math.log(2.0), jacobian(Op.POW, 2.0, 3.0)[1], 1e-15);
        assertEquals(0.0, literalPow(0.0, 0.0));
        assertEquals(1.0, literalPow(0.0, 1.0));
        assertEquals(-6.0, literalPow(-3.0, 2.0));
        assertEquals(12.0, literalPow(-2.0, 3.0));
        assertEquals(1.5 * Math.sqrt(2.0), literalPow(2.0, 1.5), 1e-15);
    }

    @Test
    void hypotHasZeroSlopeAtTheOrigin() {
        double[] j = jacobian(Op.HYPOT, 0.0, 0.0);
        assertEquals(0.0, j[0]);
        assertEquals(0.0, j[1]);
        assertEquals(0.6, jacobian(Op.HYPOT, 3.0, 4.0)[0], 1e-16);
    }

    @Test
    void accurateWhereTheNaiveFormulaCancels() {
        assertEquals(1.0 / Math.pow(Math.cosh(20.0), 2), jacobian(Op.TANH, 20.0, 0)[0], 1e-12 / Math.pow(Math.cosh(20.0), 2));
        double s = 1.0 / (1.0 + Math.exp(-30.0));
        assertEquals(Math.exp(-30.0) * s * s, jacobian(Op.LOGISTIC, 30.0, 0)[0], 1e-12 * Math.exp(-30.0));
    }
}
