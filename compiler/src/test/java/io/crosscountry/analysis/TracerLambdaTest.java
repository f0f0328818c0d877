package io.crosscountry.analysis;

import static io.crosscountry.analysis.TestSupport.assertRefused;
import static io.crosscountry.analysis.TestSupport.assertSameDoubles;
import static io.crosscountry.analysis.TestSupport.checkPrimal;
import static io.crosscountry.analysis.TestSupport.count;
import static io.crosscountry.analysis.TestSupport.listing;
import static io.crosscountry.analysis.TestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crosscountry.CrossCountry;
import io.crosscountry.analysis.fixtures.Lambdas;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.Op;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Lambdas and method references created in the traced call: calling one runs its implementation
 * with the captured values, so integrators and solvers that take a function trace like the
 * arithmetic they perform (values bit for bit against the method on random inputs).
 */
class TracerLambdaTest {

    private static final Class<?> L = Lambdas.class;

    private final SplittableRandom rnd = new SplittableRandom(0x1A3BDA);

    @Test
    void anIntegratorCallsTheCapturingLambdaAtEveryNode() {
        Graph g = checkPrimal(L, "integral", rnd, 200, -3.0, 3.0, 1.3).graph();
        assertEquals(9, count(g, Op.SIN), "Simpson's rule with 8 intervals evaluates 9 nodes: " + listing(g));
    }

    @Test
    void aSolverStepsWithATwoArgumentLambda() {
        Graph g = checkPrimal(L, "decay", rnd, 200, 0.1, 2.0, 0.7, 1.2).graph();
        assertEquals(2, g.numInputs());
        // sin t of the constant times folds; -a is computed in each of the 4 × 10 right-hand sides
        assertEquals(40, count(g, Op.NEG), "four right-hand sides per step, ten steps");
        assertEquals(0, count(g, Op.SIN), "sin t is a constant");
    }

    @Test
    void methodReferencesToIntrinsicsUserMethodsAndBoundObjects() {
        Graph g = checkPrimal(L, "references", rnd, 200, -2.0, 2.0, 0.4, 1.5).graph();
        assertEquals(1, count(g, Op.SIN), "Math::sin is the intrinsic: " + listing(g));
        assertEquals(3, g.numOutputs());
    }

    /**
     * The JDK's composition methods (DoubleUnaryOperator.andThen, compose, identity;
     * DoublePredicate.and, or, negate) are traced like user code: only their lambdas' arithmetic
     * and comparisons remain.
     */
    @Test
    void compositionWithTheJdksDefaultMethods() {
        Graph g = checkPrimal(L, "composed", rnd, 200, -2.0, 2.0, 0.4, 1.5).graph();
        assertEquals(4, g.numVertices(), "x + y, sin, square, exp: " + listing(g));
        Trace inside = CrossCountry.trace(L, "predicated", 0.5, 2.0);
        assertEquals(3, inside.guards().size(), "0 < x < 1, so or() also tests x <= 10: " + inside.guards());
        Trace outside = CrossCountry.trace(L, "predicated", 12.0, 2.0);
        assertEquals(2, outside.guards().size(), "x > 0 and x >= 1: or() stops at the negation: " + outside.guards());
        for (double x : new double[] {0.5, -0.5, 3.0, 12.0}) {
            assertSameDoubles(run(L, "predicated", x, 2.0), CrossCountry.trace(L, "predicated", x, 2.0).outputValues(),
                    "predicated at " + x);
        }
    }

    /** Double::sum, Double::max, Double::min (and Float's) are +, max and min vertices. */
    @Test
    void reductionsByDoubleSumMaxAndMin() {
        Graph g = checkPrimal(L, "reductions", rnd, 200, -2.0, 2.0, new double[] {0.5, -1.25, 2.0, 0.75}, 1.5f, -0.5f)
                .graph();
        // four folds each (the first from a literal start), and one of each from Float
        assertEquals(5, count(g, Op.ADD), listing(g));
        assertEquals(5, count(g, Op.MAX), listing(g));
        assertEquals(5, count(g, Op.MIN), listing(g));
    }

    @Test
    void defaultMethodsOfAFunctionalInterfaceArraysAndInstanceof() {
        checkPrimal(L, "fields", rnd, 200, -2.0, 2.0, 0.3, 2.5);
    }

    private void refused(String name, String instruction, String marker, String reason) {
        assertRefused(L, name, "(D)D", instruction, marker, reason, 0.7);
    }

    @Test
    void lambdasFromOutsideTheCallAndConvertingLambdasAreRefusedWithMethodAndLine() {
        refused("outsideLambda", "INVOKEINTERFACE java/util/function/DoubleUnaryOperator.applyAsDouble",
                "@err-outside-lambda", "create it inside the method");
        refused("widening", "INVOKEDYNAMIC", "@err-widening", "converts its arguments");
        refused("boxing", "INVOKESTATIC java/lang/Double.valueOf", "@err-boxing", "differentiated value");
    }
}
