package io.crosscountry.samples.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.LongConsumer;

/** Makes one private copy of {@link RepeatLoop} per measured operation (see there why). */
final class RepeatLoops {

    private static final byte[] TEMPLATE = read();

    private RepeatLoops() {
    }

    /** A loop running {@code op}, in a hidden class of its own. */
    static LongConsumer of(Runnable op) {
        try {
            MethodHandles.Lookup copy = MethodHandles.lookup().defineHiddenClass(TEMPLATE, false);
            return (LongConsumer) copy.findConstructor(copy.lookupClass(), MethodType.methodType(void.class, Runnable.class))
                    .invoke(op);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot define a measurement loop: " + e, e);
        }
    }

    private static byte[] read() {
        try (InputStream in = RepeatLoop.class.getResourceAsStream("RepeatLoop.class")) {
            if (in == null) {
                throw new IllegalStateException("RepeatLoop.class not found on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
