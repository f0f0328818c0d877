package io.crosscountry.elimination.policy;

/** A state as captured by {@link Policy#prepare}: at least its legal actions, in the order the logits will follow. */
public interface PolicyInput {

    /** The legal vertex ids of the captured state (the vertices that may be eliminated next). */
    int[] actions();
}
