package io.crosscountry.samples.bench;

import io.crosscountry.CrossCountry;
import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.EliminationState;
import io.crosscountry.elimination.Graph;
import io.crosscountry.samples.Sample;
import io.crosscountry.samples.Samples;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: random full elimination episodes on the engine, one thread (the same workload as
 * {@code crosscountry bench --engine}). Divide episodes/s by the task's eliminable vertex count
 * for eliminations/s. Run: {@code java -cp agent/target/crosscountry-agent.jar org.openjdk.jmh.Main EngineBenchmarks}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EngineBenchmarks {

    @Param({"RoeFlux_1d", "RobotArm_6DOF", "HumanHeartDipole", "PropaneCombustion", "g"})
    public String task;

    @Param({"EFFECTIVE", "PAPER"})
    public CostMode mode;

    private EliminationState state;
    private SplittableRandom random;

    @Setup
    public void setUp() {
        Sample s = Samples.get(task);
        Graph g = CrossCountry.graph(s.owner(), s.method(), s.args());
        state = new EliminationState(g, mode);
        random = new SplittableRandom(1);
    }

    /** One random episode: eliminate every eliminable vertex in random order; returns its cost. */
    @Benchmark
    public long randomEpisode() {
        state.reset();
        while (state.numRemaining() > 0) {
            state.eliminate(state.remainingAt(random.nextInt(state.numRemaining())));
        }
        return state.cost();
    }
}
