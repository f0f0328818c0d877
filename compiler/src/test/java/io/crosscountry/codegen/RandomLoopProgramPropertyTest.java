package io.crosscountry.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crosscountry.CompiledJacobian;
import io.crosscountry.CrossCountry;
import io.crosscountry.Order;
import io.crosscountry.analysis.GraphEvaluator;
import io.crosscountry.codegen.RandomLoopPrograms.LoopProgram;
import io.crosscountry.elimination.Graph;
import java.lang.reflect.Method;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random JAVA programs with loops, end to end: a generated class whose static method
 * {@code double[] f(double[] x)} fills an accumulator array from {@code x}, then runs a counted
 * {@code for} loop whose body is a random sequence of statements {@code a[d] = op(a[s], operand)}
 * (operand: another element, an input, a literal; indices computed from the loop counter), and
 * returns the array. The analysis traces it from its bytecode (the loop unrolls), and the
 * generated Jacobian, for forward, reverse, min-Markowitz and a random order, must equal dual
 * numbers and central differences of the method itself. The programs come from
 * {@link RandomLoopPrograms#generate}.
 */
class RandomLoopProgramPropertyTest {

    @Property(tries = 300)
    void loop_programs_differentiate_exactly(@ForAll long seed) throws Exception {
        SplittableRandom rnd = new SplittableRandom(seed);
        int inputs = 1 + rnd.nextInt(4);
        int cells = 1 + rnd.nextInt(5);
        int trips = 1 + rnd.nextInt(4);
        int statements = 1 + rnd.nextInt(5);
        LoopProgram p = RandomLoopPrograms.generate(rnd.nextLong(), inputs, cells, trips, statements);
        Class<?> owner = p.owner();
        Method f = Check.method(owner, p.method(), 1);
        double[] x = p.x();
        Object[] args = {x.clone()};

        Graph g = p.graph();
        double[] expected = Check.run(f, args);
        assertArrayEquals(expected, GraphEvaluator.outputs(g, x), 0.0, "the graph computes what the method computes");

        DualNumbers.Result duals = DualNumbers.jacobian(g, x);
        double[][] cd = Check.centralDifferences(f, args, 1e-6);
        int[][] orders = {g.forwardOrder(), g.reverseOrder(), g.markowitzOrder(), Check.shuffled(g.eliminable(), rnd)};
        for (int[] order : orders) {
            String what = "seed " + seed + ", order " + java.util.Arrays.toString(order) + " of\n" + RandomPrograms.listing(g);
            CompiledJacobian j = CrossCountry.jacobian(owner, p.method(), Order.of(order), args);
            double[][] actual = j.apply(args);
            assertEquals(cells, actual.length);
            Check.assertMatchesDuals(actual, duals, what);
            Check.assertNearDifferences(actual, cd, 1e-5, what);
        }
    }
}
