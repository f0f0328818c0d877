package io.crosscountry.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.Graph;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Random straight-line programs (1–60 vertices): generated Jacobians against dual numbers. */
class RandomProgramPropertyTest {

    @Property(tries = 400)
    void generatedJacobianMatchesDualNumbers(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int size) {
        check(seed, size, Backend.Limits.DEFAULT);
    }

    /** Tiny methods and classes: chunk and class boundaries everywhere, values cross in {@code w}. */
    @Property(tries = 300)
    void tinyChunksAndClassesGiveTheSameJacobian(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int size,
                                                 @ForAll @IntRange(min = 1, max = 120) int methodBytes,
                                                 @ForAll @IntRange(min = 1, max = 4) int chunksPerClass) {
        check(seed, size, new Backend.Limits(methodBytes, 90, chunksPerClass));
    }

    private static void check(long seed, int size, Backend.Limits limits) {
        RandomPrograms.Program p = RandomPrograms.generate(seed, size, (seed & 1) == 0);   // half with floor & co.
        Graph g = p.graph();
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        int kind = rnd.nextInt(4);
        int[] order = switch (kind) {
            case 0 -> g.forwardOrder();
            case 1 -> g.reverseOrder();
            case 2 -> g.markowitzOrder();
            default -> Check.shuffled(g.eliminable(), rnd);
        };
        String what = "order " + java.util.Arrays.toString(order) + " of " + RandomPrograms.listing(g) + " at "
                + java.util.Arrays.toString(p.inputs());
        CompiledPath path = JacobianCompiler.compile(g, java.util.List.of(), order, limits);
        ClassFiles.verify(path);
        double[][] j = JacobianCompilerTest.filled(g.numOutputs(), g.numInputs(), Double.NaN);
        assertTrue(path.evaluate(p.inputs(), path.newWorkArray(), j), what);
        Check.assertMatchesDuals(j, DualNumbers.jacobian(g, p.inputs()), what);
        long effective = g.cost(order, CostMode.EFFECTIVE);
        assertEquals(effective, ClassFiles.eliminationDmuls(path), what + ": dmul instructions");
        assertEquals(effective, path.eliminationMultiplications(), what);
    }
}
