package io.crosscountry.elimination.heuristics;

import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.Graph;

/**
 * A deterministic rule that builds a complete elimination order for a graph, such as forward
 * mode or minimal Markowitz.
 *
 * <p>Implementations are stateless and thread-safe; {@link Heuristics#all()} lists the built-in
 * ones.
 */
public interface Heuristic {

    /** A short, stable name used in tables and results (e.g. {@code "markowitz"}). */
    String name();

    /**
     * An order for {@code graph}: a permutation of {@link Graph#eliminable()}.
     *
     * @param mode the cost mode the order is meant for; only cost-aware heuristics read it
     */
    int[] order(Graph graph, CostMode mode);
}
