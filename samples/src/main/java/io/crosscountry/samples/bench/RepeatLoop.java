package io.crosscountry.samples.bench;

import java.util.function.LongConsumer;

/**
 * The measurement loop: {@code accept(n)} runs the operation {@code n} times. This class is only a
 * template: {@link RepeatLoops#of} defines a fresh hidden copy of it for every measured operation, so
 * that each copy's call site {@code op.run()} has its own type profile, sees one receiver, and the
 * JIT inlines the operation into its own loop (as JMH does with its generated stubs), instead of
 * all operations sharing one megamorphic call site whose compiled shape depends on which operation
 * happened to warm it first. Keep it free of lambdas and nested classes.
 */
final class RepeatLoop implements LongConsumer {

    private final Runnable op;

    RepeatLoop(Runnable op) {
        this.op = op;
    }

    @Override
    public void accept(long n) {
        Runnable o = op;
        for (long i = 0; i < n; i++) {
            o.run();
        }
    }
}
