package io.crosscountry.agent;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.agent.fixtures.Annotated;
import io.crosscountry.agent.fixtures.Plain;
import java.io.PrintStream;
import java.io.OutputStream;
import java.lang.instrument.ClassFileTransformer;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The agent's work per class load once Byte Buddy is warm (what each further annotated class
 * costs), measured in process on the transformer the JVM would call. Printed for the report;
 * asserted only loosely. The cold numbers (Byte Buddy's start) are in the end-to-end test.
 */
class AgentOverheadTest {

    @Test
    void warm_transformation_should_take_milliseconds_per_stub() throws Exception {
        ClassFileTransformer t = new MarkedClassTransformer(
                () -> JacobianAgent.builder(false, new PrintStream(OutputStream.nullOutputStream())).makeRaw(), System.err);
        byte[] annotated = FixtureLoader.original(Annotated.class.getName());
        byte[] plain = FixtureLoader.original(Plain.class.getName());
        int stubs = 3;
        long[] a = new long[200];
        long[] p = new long[200];
        for (int i = 0; i < a.length; i++) {
            long t0 = System.nanoTime();
            assertNotNull(t.transform(getClass().getClassLoader(), "io/crosscountry/agent/fixtures/Annotated", null, null, annotated));
            long t1 = System.nanoTime();
            t.transform(getClass().getClassLoader(), "io/crosscountry/agent/fixtures/Plain", null, null, plain);
            p[i] = System.nanoTime() - t1;
            a[i] = t1 - t0;
        }
        double perStub = median(a) / 1e6 / stubs;
        System.out.printf(Locale.ROOT, "warm agent transformation: %.3f ms per @JacobianOf stub (%d stubs, %.3f ms per class;"
                + " first: %.1f ms); unannotated class: %.4f ms%n", perStub, stubs, median(a) / 1e6, a[0] / 1e6, median(p) / 1e6);
        assertTrue(perStub < 50, perStub + " ms per stub");
    }

    private static long median(long[] v) {
        long[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
