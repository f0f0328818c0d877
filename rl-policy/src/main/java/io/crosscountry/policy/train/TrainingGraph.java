package io.crosscountry.policy.train;

import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.Graph;

/**
 * A graph to play on, with a name for reports and the cost mode its game counts in.
 *
 * @param name  e.g. {@code "gen-123/line"} or a sample's task name
 * @param graph the graph
 * @param mode  the cost mode of the game
 */
public record TrainingGraph(String name, Graph graph, CostMode mode) {
}
