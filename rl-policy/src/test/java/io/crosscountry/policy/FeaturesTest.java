package io.crosscountry.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.codegen.RandomPrograms;
import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.EliminationState;
import io.crosscountry.elimination.Graph;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The encoding mirrors the engine's current graph exactly, at every step of random episodes. */
class FeaturesTest {

    @Property(tries = 60)
    void encoding_matches_the_current_graph(@ForAll long seed, @ForAll @IntRange(min = 2, max = 60) int size) {
        Graph g = RandomPrograms.generate(seed, size).graph();
        SplittableRandom rnd = new SplittableRandom(seed);
        for (CostMode mode : CostMode.values()) {
            EliminationState s = new EliminationState(g, mode);
            while (true) {
                GraphInput in = Features.encode(s);
                check(s, in);
                if (s.numRemaining() == 0) {
                    break;
                }
                s.eliminate(s.remainingAt(rnd.nextInt(s.numRemaining())));
            }
        }
    }

    private static void check(EliminationState s, GraphInput in) {
        Graph g = s.graph();
        assertEquals(Features.COUNT, in.numFeatures());
        int legal = 0;
        for (int i = 0; i < in.numNodes(); i++) {
            int id = in.vertexIds()[i];
            boolean isLegal = id > 0 && s.isLegal(id);
            assertEquals(isLegal, in.legal()[i]);
            legal += isLegal ? 1 : 0;
            Set<Integer> preds = ids(in, in.predStart(), in.predIndex(), i);
            Set<Integer> succs = ids(in, in.succStart(), in.succIndex(), i);
            assertEquals(id < 0 ? Set.of() : set(s.predIds(id)), preds, "preds of " + id);
            assertEquals(set(s.succIds(id)), succs, "succs of " + id);
            float[] x = Arrays.copyOfRange(in.features(), i * Features.COUNT, (i + 1) * Features.COUNT);
            for (float f : x) {
                assertTrue(Float.isFinite(f) && f >= 0f && f <= 2f, "features are finite and small: " + Arrays.toString(x));
            }
            assertEquals(id < 0 ? 1f : 0f, x[0]);
            assertEquals(isLegal ? 1f : 0f, x[2]);
            assertEquals(s.mode() == CostMode.PAPER ? 1f : 0f, x[20]);
        }
        assertEquals(s.numRemaining(), legal, "every remaining vertex is a legal action");
        assertTrue(in.numNodes() >= g.numInputs() + s.numRemaining());
    }

    private static Set<Integer> ids(GraphInput in, int[] start, int[] index, int i) {
        Set<Integer> r = new HashSet<>();
        for (int k = start[i]; k < start[i + 1]; k++) {
            r.add(in.vertexIds()[index[k]]);
        }
        return r;
    }

    private static Set<Integer> set(int[] a) {
        Set<Integer> r = new HashSet<>();
        for (int v : a) {
            r.add(v);
        }
        return r;
    }
}
