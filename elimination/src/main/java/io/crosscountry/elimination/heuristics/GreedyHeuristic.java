package io.crosscountry.elimination.heuristics;

import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.Graph;
import java.util.Objects;
import java.util.Optional;

/**
 * A greedy vertex-elimination heuristic: at each step eliminate the remaining vertex with the
 * smallest primary {@link Criterion}, ties broken by an optional secondary criterion and then by
 * id in the direction of a {@link TieBreak}; scores are always those of the current graph.
 *
 * <p>Minimal Markowitz (Markowitz, "The elimination form of the inverse and its application to
 * linear programming", Management Science 3, 1957; applied to Jacobian accumulation by Griewank
 * and Naumann) is {@code new GreedyHeuristic("markowitz", MARKOWITZ, null, LOWEST_ID)}.
 */
public final class GreedyHeuristic implements Heuristic {

    private final String name;
    private final Criterion primary;
    private final Criterion secondary;
    private final TieBreak ties;

    /**
     * @param name      the heuristic's name
     * @param primary   the score minimised first
     * @param secondary the score that breaks ties of the primary, or {@code null} for none
     * @param ties      how remaining ties are broken by id
     */
    public GreedyHeuristic(String name, Criterion primary, Criterion secondary, TieBreak ties) {
        this.name = Objects.requireNonNull(name, "name");
        this.primary = Objects.requireNonNull(primary, "primary");
        this.secondary = secondary;
        this.ties = Objects.requireNonNull(ties, "ties");
    }

    @Override
    public String name() {
        return name;
    }

    /** The score minimised first. */
    public Criterion primary() {
        return primary;
    }

    /** The score that breaks ties of the primary, if any. */
    public Optional<Criterion> secondary() {
        return Optional.ofNullable(secondary);
    }

    /** How remaining ties are broken by id. */
    public TieBreak ties() {
        return ties;
    }

    @Override
    public int[] order(Graph graph, CostMode mode) {
        return selector(graph, mode).run();
    }

    /** A reusable runner of this heuristic on {@code graph}, also for randomised runs. */
    public GreedySelector selector(Graph graph, CostMode mode) {
        return new GreedySelector(graph, mode, primary, secondary, ties);
    }

    @Override
    public String toString() {
        return name + "[" + primary + (secondary == null ? "" : ", " + secondary) + ", " + ties + "]";
    }
}
