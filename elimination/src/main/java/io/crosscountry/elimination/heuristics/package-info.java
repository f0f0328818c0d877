/**
 * Heuristic elimination orders: forward, reverse and the Markowitz family of greedy rules.
 *
 * <p>The entry point is {@link io.crosscountry.elimination.heuristics.Heuristics}: its table
 * ({@link io.crosscountry.elimination.heuristics.Heuristics#all()}) and
 * {@link io.crosscountry.elimination.heuristics.Heuristics#best(io.crosscountry.elimination.Graph,
 * io.crosscountry.elimination.CostMode)}. Each greedy rule is a
 * {@link io.crosscountry.elimination.heuristics.GreedyHeuristic} over the mutable
 * {@link io.crosscountry.elimination.EliminationState}.
 */
package io.crosscountry.elimination.heuristics;
