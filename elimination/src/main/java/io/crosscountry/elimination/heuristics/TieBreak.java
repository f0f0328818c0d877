package io.crosscountry.elimination.heuristics;

/**
 * How a greedy heuristic chooses among candidates whose scores are all equal.
 *
 * <p>Minimal Markowitz is extremely sensitive to this choice (COST_MODEL.md §5): the paper's
 * orders use {@link #LOWEST_ID}; {@link #HIGHEST_ID} is often cheaper.
 */
public enum TieBreak {
    /** The lowest vertex id wins (the paper's stable sort). */
    LOWEST_ID,
    /** The highest vertex id wins. */
    HIGHEST_ID
}
