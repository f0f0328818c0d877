package io.crosscountry.elimination.search;

import io.crosscountry.elimination.heuristics.HeuristicResult;
import io.crosscountry.elimination.heuristics.Heuristics;

/** Runs every heuristic of the Markowitz family once and offers each order (instant on small graphs). */
public final class HeuristicSearch implements Search {

    @Override
    public String name() {
        return "heuristic";
    }

    @Override
    public void run(SearchContext context) {
        for (HeuristicResult r : Heuristics.evaluateAll(context.graph(), context.mode())) {
            context.offer(r.order(), r.cost(), r.name());
            if (context.shouldStop()) {
                return;
            }
        }
    }
}
