package io.crosscountry.policy;

import ai.djl.engine.Engine;

/**
 * Starts DJL's PyTorch engine the way this project needs it: offline and single-threaded.
 *
 * <p>{@link #init()} sets, unless already set on the command line, {@code ai.djl.offline=true} (a
 * missing native jar then fails at once instead of trying to download), {@code
 * ai.djl.pytorch.num_threads=1} and {@code ai.djl.pytorch.num_interop_threads=1} (several threads ran
 * many times slower under competing load), then loads the engine. The properties only take effect
 * if nothing started the engine before. On first use the native library (about 430 MB) is extracted
 * from the {@code pytorch-native-cpu} jar to {@code ~/.djl.ai} (override with {@code DJL_CACHE_DIR}).
 */
public final class Djl {

    /** The DJL engine this project trains with. */
    public static final String ENGINE = "PyTorch";

    private static volatile Engine engine;

    private Djl() {
    }

    /**
     * Configures and returns the PyTorch engine (idempotent, thread-safe).
     *
     * @throws IllegalStateException with the list of required artifacts when the engine or its native
     *                               library cannot be loaded
     */
    public static Engine init() {
        Engine e = engine;
        if (e != null) {
            return e;
        }
        synchronized (Djl.class) {
            if (engine == null) {
                setIfAbsent("ai.djl.offline", "true");
                setIfAbsent("ai.djl.pytorch.num_threads", "1");
                setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
                try {
                    engine = Engine.getEngine(ENGINE);
                } catch (Throwable t) {
                    throw new IllegalStateException("cannot start DJL's " + ENGINE + " engine (" + t
                            + "). Training needs on the classpath ai.djl:api, ai.djl.pytorch:pytorch-engine "
                            + "and ai.djl.pytorch:pytorch-jni at the DJL version, plus "
                            + "ai.djl.pytorch:pytorch-native-cpu with classifier linux-x86_64 (PyTorch 2.7.1); "
                            + "ai.djl.offline=" + System.getProperty("ai.djl.offline")
                            + " so nothing is downloaded. Plain-Java inference (PolicyNetwork) needs none of this.", t);
                }
            }
            return engine;
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
