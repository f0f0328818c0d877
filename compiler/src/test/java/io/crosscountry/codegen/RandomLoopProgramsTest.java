package io.crosscountry.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.analysis.GraphEvaluator;
import io.crosscountry.codegen.RandomLoopPrograms.LoopProgram;
import io.crosscountry.elimination.Graph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The loop-program generator: sizes from {@code ofSize}, determinism, long loops. */
class RandomLoopProgramsTest {

    @ParameterizedTest
    @ValueSource(ints = {10, 100, 500, 2000})
    void of_size_is_within_a_factor_of_two(int n) throws Exception {
        for (long seed = 0; seed < 20; seed++) {
            LoopProgram p = RandomLoopPrograms.ofSize(seed, n);
            int v = p.graph().numVertices();
            assertTrue(v >= n / 2 && v <= 2 * n, "seed " + seed + ": " + v + " vertices for " + n);
            double[] expected = Check.run(Check.method(p.owner(), p.method(), 1), new Object[] {p.x().clone()});
            assertArrayEquals(expected, GraphEvaluator.outputs(p.graph(), p.x()), 0.0, "seed " + seed);
        }
    }

    @Test
    void generate_is_deterministic() {
        for (long seed = 0; seed < 10; seed++) {
            LoopProgram a = RandomLoopPrograms.generate(seed, 3, 4, 3, 5);
            LoopProgram b = RandomLoopPrograms.generate(seed, 3, 4, 3, 5);
            assertNotSame(a.owner(), b.owner(), "each program has its own class loader");
            assertEquals(a.graph().fingerprint(), b.graph().fingerprint());
            assertArrayEquals(a.x(), b.x(), 0.0);
            for (double xi : a.x()) {
                assertTrue(xi >= -1.2 && xi < 1.2);
            }
            assertArrayEquals(RandomLoopPrograms.classBytes(seed, 3, 4, 3, 5), RandomLoopPrograms.classBytes(seed, 3, 4, 3, 5));
            assertEquals(RandomLoopPrograms.ofSize(seed, 300).graph().fingerprint(),
                    RandomLoopPrograms.ofSize(seed, 300).graph().fingerprint());
        }
    }

    @Test
    void long_loops_unroll() throws Exception {
        LoopProgram p = RandomLoopPrograms.generate(7, 2, 3, 20_000, 2);
        Graph g = p.graph();
        assertTrue(g.numVertices() >= 40_000 && g.numVertices() <= 80_000 + 3, g.numVertices() + " vertices");
        double[] expected = Check.run(Check.method(p.owner(), p.method(), 1), new Object[] {p.x().clone()});
        assertArrayEquals(expected, GraphEvaluator.outputs(g, p.x()), 0.0);
    }

    @Test
    void rejects_counts_out_of_range() {
        assertThrows(IllegalArgumentException.class, () -> RandomLoopPrograms.classBytes(1, 0, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> RandomLoopPrograms.classBytes(1, 1, 1, 32_768, 1));
        assertThrows(IllegalArgumentException.class, () -> RandomLoopPrograms.ofSize(1, 0));
    }
}
