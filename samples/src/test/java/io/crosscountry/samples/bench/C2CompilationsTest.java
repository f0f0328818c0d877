package io.crosscountry.samples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.crosscountry.CompiledJacobian;
import io.crosscountry.CrossCountry;
import io.crosscountry.Order;
import io.crosscountry.samples.Sample;
import io.crosscountry.samples.Samples;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The C2 check reads the JVM's compilation events: nothing before the JIT ran, every chunk after. */
class C2CompilationsTest {

    @Test
    void chunksAreReportedCompiledOnlyAfterC2CompiledThem() throws Exception {
        Sample s = Samples.get("RoeFlux_1d");
        CompiledJacobian j = CrossCountry.jacobian(s.owner(), s.method(), Order.REV, s.args());
        double[][] J = new double[j.numOutputs()][j.numInputs()];
        C2Compilations once = C2Compilations.start();
        j.applyInto(J, s.args());
        RuntimeResult.C2Coverage cold = once.stop(Map.of("rev", j.generatedClasses())).get("rev");
        assumeTrue(cold.known(), "this JVM records no compilation events");
        assertEquals(0, cold.compiled(), "one call: nothing compiled yet");
        assertTrue(cold.chunks() >= 1);

        // Rounds of 300,000 calls until C2 got to the chunk: on a loaded 2-core machine, or late in
        // a long test JVM, the JIT may lag one round (seen once in a full `mvn verify`).
        C2Compilations hot = C2Compilations.start();
        RuntimeResult.C2Coverage warm = null;
        for (int round = 1; round <= 4 && (warm == null || warm.compiled() < warm.chunks()); round++) {
            for (int call = 0; call < 300_000; call++) {
                j.applyInto(J, s.args());
            }
            assertTrue(JitQueue.awaitIdle(30_000_000_000L), "the JIT became idle");
            warm = hot.stop(Map.of("rev", j.generatedClasses())).get("rev");
            hot = C2Compilations.start();
        }
        hot.stop(Map.of());
        assertEquals(warm.chunks(), warm.compiled(), "every chunk method C2-compiled after up to 4 × 300,000 calls");
        assertTrue(warm.known());
    }

    @Test
    void hiddenClassNamesAndJfrNamesGiveTheSameKey() {
        assertEquals("0x00007fc7481e2000",
                C2Compilations.classKey("io.crosscountry.codegen.GeneratedJacobian/0x00007fc7481e2000"));
        assertEquals("0x00007fc7481e2000",
                C2Compilations.jfrKey("io/crosscountry/codegen/GeneratedJacobian+0x00007fc7481e2000"));
        assertEquals("0x00007fc7481e2000",
                C2Compilations.jfrKey("io.crosscountry.codegen.GeneratedJacobian+0x00007fc7481e2000.1189084611"));
        assertEquals("0x00000000241d0800",
                C2Compilations.jfrKey("io.crosscountry.codegen.GeneratedJacobian.0x00000000241d0800"));   // JDK 25
        assertEquals("com.acme.Flux$$CrossCountry$jac$0", C2Compilations.classKey("com.acme.Flux$$CrossCountry$jac$0"));
        assertEquals("com.acme.Flux$$CrossCountry$jac$0", C2Compilations.jfrKey("com/acme/Flux$$CrossCountry$jac$0"));
    }
}
