package io.crosscountry.policy.train;

import java.util.List;

/**
 * One finished self-play game.
 *
 * @param graph   what was played
 * @param order   the elimination order played
 * @param cost    its cost in the game's mode
 * @param scale   the graph's cost unit (best baseline cost; the return is −cost / scale)
 * @param best    the cheapest complete order any simulation of the game reached (never worse than {@code order})
 * @param bestCost its cost
 * @param samples one training example per move with more than one legal action
 */
public record GameRecord(TrainingGraph graph, int[] order, long cost, double scale, int[] best, long bestCost, List<Sample> samples) {
}
