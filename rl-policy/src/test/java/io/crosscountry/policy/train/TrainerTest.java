package io.crosscountry.policy.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscountry.policy.PolicyWeights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training loop with a stand-in learner (no DJL): outputs, metrics, checkpoints, resuming, and
 * recovery from a kill between the checkpoint's renames. (The DJL learner has its own tests.)
 */
class TrainerTest {

    /** Shrinks every weight a little per step; saves its weights and step count. */
    static final class ShrinkingLearner implements Learner {
        PolicyWeights weights;
        int steps;

        ShrinkingLearner(PolicyWeights w, int steps) {
            this.weights = w;
            this.steps = steps;
        }

        @Override
        public Loss step(List<Sample> batch, float valueWeight) {
            Map<String, float[]> t = new HashMap<>();
            for (Map.Entry<String, float[]> e : weights.tensors().entrySet()) {
                float[] a = e.getValue().clone();
                for (int i = 0; i < a.length; i++) {
                    a[i] *= 0.999f;
                }
                t.put(e.getKey(), a);
            }
            weights = PolicyWeights.of(weights.numFeatures(), weights.hidden(), weights.layers(), weights.policyHidden(), t);
            steps++;
            return new Loss(1.0 / steps, 0.5 / steps, 1.5 / steps);
        }

        @Override
        public PolicyWeights export() {
            return weights;
        }

        @Override
        public void save(Path dir) throws IOException {
            Files.createDirectories(dir);
            weights.write(dir.resolve("w.ccpn"));
            Files.writeString(dir.resolve("steps"), Integer.toString(steps));
        }

        static ShrinkingLearner load(Path dir) {
            try {
                return new ShrinkingLearner(PolicyWeights.read(dir.resolve("w.ccpn")), Integer.parseInt(Files.readString(dir.resolve("steps"))));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
        }
    }

    private static Trainer trainer(TrainConfig cfg, Path dir, List<String> log, List<TrainingGraph> extras) {
        return new Trainer(cfg, dir, extras, w -> new ShrinkingLearner(w, 0), ShrinkingLearner::load, new Trainer.Listener() {
            @Override
            public void iteration(Trainer.Status s) {
                log.add("iteration " + s.iteration());
            }

            @Override
            public void message(String line) {
                log.add(line);
            }
        });
    }

    @Test
    void trains_writes_outputs_and_resumes(@TempDir Path dir) throws IOException {
        TrainConfig cfg = TrainConfig.tiny().withIterations(2);
        List<String> log = new ArrayList<>();
        TrainingGraph extra = new GraphSource(cfg).heldOut(1, 12, 12).get(0);
        TrainingGraph named = new TrainingGraph("Extra", extra.graph(), extra.mode());
        Trainer.Result first = trainer(cfg, dir, log, List.of(named)).run();
        assertEquals(2, first.iterations());
        for (String f : List.of("config.json", "policy.ccpn", "best.ccpn", "metrics.csv", "metrics.json", "curves.png",
                "checkpoint/state.json", "checkpoint/replay.bin", "checkpoint/learner/w.ccpn")) {
            assertTrue(Files.exists(dir.resolve(f)), f);
        }
        assertTrue(Files.list(dir.resolve("orders")).findAny().isPresent(), "the extra graph's best order is saved");
        assertEquals(1 + 1, Files.readAllLines(dir.resolve("metrics.csv")).size(), "header + the evaluation at iteration 2");
        int stepsAfterFirst = ShrinkingLearner.load(dir.resolve("checkpoint/learner")).steps;
        assertEquals(first.trainSteps(), stepsAfterFirst);

        // resume to 4 iterations
        log.clear();
        Trainer.Result second = trainer(cfg.withIterations(4), dir, log, List.of(named)).run();
        assertEquals(4, second.iterations());
        assertTrue(log.get(0).startsWith("resumed at iteration 2"), log.get(0));
        assertTrue(second.trainSteps() > first.trainSteps());
        assertEquals(4, new ObjectMapper().readTree(dir.resolve("checkpoint/state.json").toFile()).get("iteration").asInt());
        assertEquals(1 + 2, Files.readAllLines(dir.resolve("metrics.csv")).size());
    }

    @Test
    void a_kill_between_the_checkpoint_renames_loses_nothing(@TempDir Path dir) throws IOException {
        TrainConfig cfg = TrainConfig.tiny().withIterations(2);
        List<String> log = new ArrayList<>();
        trainer(cfg, dir, log, List.of()).run();
        // as if killed after moving the old checkpoint aside, before the new one was renamed in
        Files.move(dir.resolve("checkpoint"), dir.resolve("checkpoint.old"));
        Files.createDirectories(dir.resolve("checkpoint.tmp"));
        log.clear();
        Trainer.Result r = trainer(cfg.withIterations(3), dir, log, List.of()).run();
        assertTrue(log.get(0).startsWith("resumed at iteration 2"), log.get(0));
        assertEquals(3, r.iterations());
        assertTrue(Files.notExists(dir.resolve("checkpoint.tmp")));
    }
}
