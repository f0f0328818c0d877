package io.crosscountry.elimination.search;

/**
 * What one {@link ExactSearch} run did.
 *
 * @param proven           whether it proved the incumbent optimal (then {@code lowerBound == bestCost})
 * @param lowerBound       the lower bound it proved (0 if none)
 * @param bestCost         the cost of the best order it assembled ({@link Long#MAX_VALUE} if none)
 * @param rootBound        the {@link LowerBounds} value of the empty set
 * @param expanded         nodes expanded
 * @param generated        children generated (before duplicate detection)
 * @param stored           distinct sets stored in the transposition tables (summed over components)
 * @param boundEvals       lower-bound evaluations
 * @param memoryFull       whether some component stopped because its table budget was spent
 * @param components       independent components of the problem
 * @param solvedComponents components whose optimum it proved
 * @param largest          vertices in the largest component
 * @param seconds          wall time of the run
 */
public record ExactStats(boolean proven, long lowerBound, long bestCost, long rootBound, long expanded, long generated,
                         long stored, long boundEvals, boolean memoryFull, int components, int solvedComponents,
                         int largest, double seconds) {
}
