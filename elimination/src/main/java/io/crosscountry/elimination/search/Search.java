package io.crosscountry.elimination.search;

/**
 * One search strategy for elimination orders. A search reads its mode, budget and seed from the
 * {@link SearchContext}, reports every improvement with {@link SearchContext#offer} (so a
 * portfolio shares incumbents and nothing found is lost when the budget ends), and stops promptly
 * when {@link SearchContext#shouldStop()} turns true.
 */
public interface Search {

    /** A short name used in results and progress lines (e.g. {@code "anneal"}). */
    String name();

    /** Runs until done or until the context says stop; every order found is offered to the context. */
    void run(SearchContext context);
}
