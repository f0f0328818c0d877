package io.crosscountry.cli;

import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.Graph;
import io.crosscountry.policy.train.DjlLearner;
import io.crosscountry.policy.train.TrainConfig;
import io.crosscountry.policy.train.Trainer;
import io.crosscountry.policy.train.TrainingGraph;
import io.crosscountry.samples.Sample;
import io.crosscountry.samples.Samples;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code crosscountry train [--config FILE] [--out DIR] [--minutes M] [--iterations N] [--seed S] [--no-samples]}:
 * trains the policy network by self-play ({@link Trainer}), with a live progress line; resumes when
 * DIR holds a checkpoint. Needs DJL on the class path (the {@code crosscountry} script adds it).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the policy/value network by self-play with Gumbel tree search on generated programs "
                + "(and the samples). Writes DIR/policy.ccpn (latest), DIR/best.ccpn (best on the held-out set), "
                + "metrics.csv/json, curves.png, orders/ and a resumable checkpoint/; run again on the same DIR to resume.")
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE.json", description = "Training settings (JSON; see TrainConfig). Default: the shipped model's settings.")
    Path config;

    @Option(names = "--out", defaultValue = "runs/policy", paramLabel = "DIR", description = "Run directory. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--minutes", paramLabel = "M", description = "Wall-clock budget (overrides the config).")
    Double minutes;

    @Option(names = "--iterations", paramLabel = "N", description = "Iteration limit (overrides the config).")
    Integer iterations;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (overrides the config; ignored when resuming).")
    Long seed;

    @Option(names = "--no-samples", description = "Do not play the built-in samples during training (generated programs only).")
    boolean noSamples;

    @Override
    public Integer call() throws IOException {
        TrainConfig cfg = config == null ? TrainConfig.defaults() : TrainConfig.read(config);
        if (minutes != null) {
            cfg = cfg.withMinutes(minutes);
        }
        if (iterations != null) {
            cfg = cfg.withIterations(iterations);
        }
        if (seed != null) {
            cfg = cfg.withSeed(seed);
        }
        List<TrainingGraph> extras = new ArrayList<>();
        if (!noSamples) {
            for (Sample s : Samples.all()) {
                if (s.kind() == Sample.Kind.WARMUP) {
                    continue;
                }
                Graph g = io.crosscountry.CrossCountry.graph(s.owner(), s.method(), s.args());
                if (g.numVertices() <= cfg.maxBatchNodes()) {
                    for (CostMode mode : CostMode.values()) {
                        extras.add(new TrainingGraph(s.name(), g, mode));
                    }
                }
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        boolean terminal = System.console() != null;
        double lr = cfg.learningRate();
        Trainer trainer = new Trainer(cfg, out, extras, w -> new DjlLearner(w, lr), dir -> DjlLearner.load(dir, lr),
                new Trainer.Listener() {
                    @Override
                    public void iteration(Trainer.Status s) {
                        String line = String.format("iteration %d  %.1f min  games %d  steps %d  buffer %d  loss %.4f  self-play cost/baseline %.3f  held-out/markowitz %.3f",
                                s.iteration(), s.minutes(), s.games(), s.trainSteps(), s.buffer(), s.loss(), s.selfPlayRatio(), s.lastHeldOut());
                        if (terminal) {
                            err.printf("\r%-150s", line);
                        } else {
                            err.println(line);
                        }
                        err.flush();
                    }

                    @Override
                    public void message(String line) {
                        if (terminal) {
                            err.printf("\r%-150s\r", "");
                        }
                        err.println(line);
                        err.flush();
                    }
                });
        Trainer.Result r = trainer.run();
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("trained %d iterations in %.1f min (%d games, %d steps); best weights %s, latest %s%n",
                r.iterations(), r.minutes(), r.games(), r.trainSteps(), r.bestWeights(), r.latestWeights());
        stdout.flush();
        return 0;
    }
}
