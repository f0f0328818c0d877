package io.crosscountry.elimination.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.Op;
import io.crosscountry.elimination.Operand;
import io.crosscountry.elimination.RandomGraphArbitraries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The portfolio: valid, exactly costed orders never worse than the baselines; determinism; interruption. */
class OptimizerTest {

    @Provide
    Arbitrary<RandomGraphArbitraries.Case> graphs() {
        return RandomGraphArbitraries.graphs();
    }

    @Property(tries = 40)
    void portfolio_returns_exactly_costed_orders_never_worse_than_baselines(@ForAll("graphs") RandomGraphArbitraries.Case c) {
        Graph g = c.graph();
        for (CostMode mode : CostMode.values()) {
            OptimizeResult r = Optimizer.optimize(g, Duration.ofMillis(60), OptimizeOptions.defaults().withMode(mode).withThreads(2));
            g.validate(r.order());
            assertEquals(g.cost(r.order(), mode), r.cost(), "reported cost is the order's cost");
            assertEquals(List.of("fwd", "rev", "markowitz"), new ArrayList<>(r.baselines().keySet()));
            assertEquals(g.cost(g.reverseOrder(), mode), r.baselines().get("rev"));
            long best = r.baselines().values().stream().mapToLong(Long::longValue).min().orElseThrow();
            assertTrue(r.cost() <= best, "never worse than the baselines");
            r.lowerBound().ifPresent(b -> assertTrue(b <= r.cost(), "bound " + b + " <= cost " + r.cost()));
            assertEquals(mode, r.mode());
            assertEquals(g.fingerprint(), r.fingerprint());
        }
    }

    @Property(tries = 30)
    void exact_method_proves_small_graphs(@ForAll("small") RandomGraphArbitraries.Case c) {
        OptimizeResult r = Optimizer.optimize(c.graph(), Duration.ofSeconds(10),
                OptimizeOptions.defaults().withMethod(SearchMethod.EXACT).withThreads(1));
        assertTrue(r.provenOptimal(), "small graphs are certified: " + r);
    }

    @Provide
    Arbitrary<RandomGraphArbitraries.Case> small() {
        return RandomGraphArbitraries.smallGraphs(9);
    }

    @Test
    void one_thread_with_fixed_iterations_is_deterministic() {
        Graph g = chain(40);
        OptimizeOptions options = OptimizeOptions.defaults().withMethod(SearchMethod.ANNEAL).withThreads(1)
                .withIterations(20_000).withSeed(7);
        OptimizeResult a = Optimizer.optimize(g, Duration.ofSeconds(60), options);
        OptimizeResult b = Optimizer.optimize(g, Duration.ofSeconds(60), options);
        assertArrayEquals(a.order(), b.order());
        assertEquals(a.cost(), b.cost());
    }

    @Test
    void zero_budget_gives_the_best_heuristic() {
        Graph g = chain(30);
        OptimizeResult r = Optimizer.optimize(g, Duration.ZERO, OptimizeOptions.defaults());
        assertTrue(r.cost() <= r.baselines().get("markowitz"));
        assertThrows(IllegalArgumentException.class, () -> Optimizer.optimize(g, Duration.ofSeconds(-1), OptimizeOptions.defaults()));
        assertThrows(IllegalArgumentException.class, () -> OptimizeOptions.defaults().withThreads(0));
    }

    @Test
    void interrupting_the_caller_returns_the_best_so_far_promptly() throws Exception {
        Graph g = chain(400);
        AtomicReference<OptimizeResult> result = new AtomicReference<>();
        Thread t = new Thread(() -> result.set(Optimizer.optimize(g, Duration.ofSeconds(60), OptimizeOptions.defaults().withThreads(2))));
        long start = System.nanoTime();
        t.start();
        Thread.sleep(500);
        t.interrupt();
        t.join(20_000);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(!t.isAlive() && result.get() != null, "returned after interruption");
        assertTrue(seconds < 20, "returned promptly: " + seconds + " s");
        g.validate(result.get().order());
        assertEquals(g.cost(result.get().order(), CostMode.EFFECTIVE), result.get().cost());
    }

    /** A layered graph: {@code n} vertices mixing sums, products and functions of earlier vertices. */
    private static Graph chain(int n) {
        Graph.Builder b = Graph.builder(4);
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Operand a = i < 4 ? Operand.input(i % 4) : Operand.vertex(ids.get(i - 1 - (i % 3)));
            Operand c = i < 2 ? Operand.input((i + 1) % 4) : Operand.vertex(ids.get(i / 2));
            Op op = switch (i % 4) {
                case 0 -> Op.MUL;
                case 1 -> Op.ADD;
                case 2 -> Op.SUB;
                default -> Op.ATAN2;
            };
            ids.add(i % 5 == 4 ? b.add(Op.SIN, a) : b.add(op, a, c));
        }
        return b.outputs(ids.get(n - 1), ids.get(n - 2), ids.get(n / 2 + 1)).build();
    }
}
