package io.crosscountry.samples.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.samples.Sample;
import io.crosscountry.samples.Samples;
import io.crosscountry.samples.baselines.OriginalFunction;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Before anything is timed, every runtime method of every built-in task computes the dual numbers'
 * Jacobian (central differences: approximately), and the direct primal callers compute the method.
 */
class RuntimeSuiteTest {

    static Stream<String> tasks() {
        return Samples.names().stream();
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void every_runtime_method_agrees_with_the_dual_numbers(String task) {
        RuntimeSuite suite = RuntimeSuite.create(Samples.get(task), Duration.ofMillis(200));
        assertEquals(RuntimeSuite.METHODS, List.copyOf(suite.entries().keySet()));
        assertEquals(Map.of(), suite.verify(), task);
        for (String order : RuntimeSuite.ORDERS) {
            assertTrue(suite.effectiveCosts().get(order) >= 0, order);
        }
        assertTrue(suite.effectiveCosts().get(RuntimeSuite.BEST)
                <= Math.min(suite.effectiveCosts().get(RuntimeSuite.FWD), suite.effectiveCosts().get(RuntimeSuite.REV)),
                "optimize is never worse than fwd and rev: " + suite.effectiveCosts());
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void the_direct_primal_is_the_method(String task) {
        Sample sample = Samples.get(task);
        assertTrue(DirectPrimals.isDirect(sample), task + " has a direct caller");
        OriginalFunction f = OriginalFunction.of(sample);
        double[] expected = new double[f.numOutputs()];
        f.evaluate(f.exampleInputs(), expected);
        double[] actual = new double[f.numOutputs()];
        DirectPrimals.of(sample, sample.args(), actual).run();
        assertArrayEquals(expected, actual, 0.0);
        // the call generated for tasks without a hand-written caller (a user's Class#method)
        double[] generated = new double[f.numOutputs()];
        Runnable call = GeneratedPrimalCall.of(sample.owner(), sample.method(), sample.args(), generated).orElseThrow();
        call.run();
        assertArrayEquals(expected, generated, 0.0, task + ", generated call");
        assertTrue(call.getClass().isHidden());
        assertEquals(sample.owner().getPackageName(), call.getClass().getPackageName());
    }

    @org.junit.jupiter.api.Test
    void only_the_named_methods_are_built() {
        RuntimeSuite suite = RuntimeSuite.create(Samples.get("Simple"), Duration.ofMillis(10),
                List.of(RuntimeSuite.TAPE, RuntimeSuite.PRIMAL));
        assertEquals(List.of(RuntimeSuite.PRIMAL, RuntimeSuite.TAPE), List.copyOf(suite.entries().keySet()));
        assertEquals(Map.of(), suite.verify());
        assertThrows(IllegalArgumentException.class, () -> suite.entry(RuntimeSuite.FWD));
        assertThrows(IllegalArgumentException.class,
                () -> RuntimeSuite.create(Samples.get("Simple"), Duration.ofMillis(10), List.of("nope")));
    }
}
