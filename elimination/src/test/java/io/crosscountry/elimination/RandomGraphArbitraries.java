package io.crosscountry.elimination;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Public access to the {@link RandomGraphs} generators for tests in other packages (heuristics,
 * search). A generated case prints as a readable listing when a property fails.
 */
public final class RandomGraphArbitraries {

    /** A generated graph and its listing. */
    public record Case(Graph graph, String listing) {
        @Override
        public String toString() {
            return listing;
        }
    }

    private RandomGraphArbitraries() {
    }

    /** Random graphs: 2–6 inputs, 1–40 vertices (those of {@link RandomGraphs#graphs()}). */
    public static Arbitrary<Case> graphs() {
        return RandomGraphs.graphs().map(gc -> new Case(gc.graph(), RandomGraphs.listing(gc.graph())));
    }

    /** Random graphs with 2–4 inputs and 1–{@code maxVertices} vertices (so at most that many eliminable). */
    public static Arbitrary<Case> smallGraphs(int maxVertices) {
        Arbitrary<Integer> inputs = Arbitraries.integers().between(2, 4);
        // ten genes per vertex, as RandomGraphs.build reads them
        Arbitrary<java.util.List<Integer>> gene = Arbitraries.integers().between(0, 9999).list().ofSize(10);
        return Combinators.combine(inputs, gene.list().ofMinSize(1).ofMaxSize(maxVertices)).as((n, recipe) -> {
            Graph g = RandomGraphs.build(n, recipe);
            return new Case(g, RandomGraphs.listing(g));
        });
    }
}
