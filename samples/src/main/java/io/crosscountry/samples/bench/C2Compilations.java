package io.crosscountry.samples.bench;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordingFile;

/**
 * Which generated chunk methods C2 compiled, from the JVM's own compilation events: a JFR recording
 * of {@code jdk.Compilation} (every compilation, with its tier) and {@code jdk.CompilerInlining}
 * (every inlining decision) while a task is verified, warmed up and measured. A chunk method
 * ({@code fwd…}, {@code fused…}, {@code elim…} of a generated class) counts as C2-compiled when a
 * tier-4 compilation of it succeeded, or when it was inlined into a successful tier-4 compilation
 * of its caller. It is the check {@code -XX:+PrintCompilation} or JMH's {@code -prof comp} allows by
 * eye, made automatic. The recording holds compiler events only (no sampling, nothing emitted
 * while compiled code runs); runtime tables measured with it were within the run-to-run noise of
 * those measured without.
 */
final class C2Compilations {

    private static final int C2_TIER = 4;
    private static final Pattern HIDDEN_JFR = Pattern.compile("[+./](0x[0-9a-fA-F]{4,})");
    private static final Pattern HIDDEN_CLASS = Pattern.compile("/(0x[0-9a-fA-F]+)$");

    private final Recording recording;

    private C2Compilations(Recording recording) {
        this.recording = recording;
    }

    /** Starts recording compilations; when JFR is not available, {@link #stop} reports every coverage unknown. */
    static C2Compilations start() {
        try {
            Recording r = new Recording();
            r.enable("jdk.Compilation").withThreshold(Duration.ZERO);
            r.enable("jdk.CompilerInlining");
            r.start();
            return new C2Compilations(r);
        } catch (RuntimeException | LinkageError e) {
            return new C2Compilations(null);
        }
    }

    /**
     * Stops recording and reports, per name, how many chunk methods of its classes C2 compiled.
     *
     * @param classes the generated classes of each Jacobian, by name
     */
    Map<String, RuntimeResult.C2Coverage> stop(Map<String, List<Class<?>>> classes) {
        Map<String, RuntimeResult.C2Coverage> coverage = new LinkedHashMap<>();
        Set<String> compiled = recording == null ? null : compiledMethods();
        classes.forEach((name, list) -> coverage.put(name, compiled == null ? RuntimeResult.C2Coverage.UNKNOWN : coverage(list, compiled)));
        return coverage;
    }

    private static RuntimeResult.C2Coverage coverage(List<Class<?>> classes, Set<String> compiled) {
        int chunks = 0;
        int done = 0;
        for (Class<?> c : classes) {
            String key = classKey(c.getName());
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isStatic(m.getModifiers()) && isChunk(m.getName())) {
                    chunks++;
                    if (compiled.contains(key + "." + m.getName())) {
                        done++;
                    }
                }
            }
        }
        return new RuntimeResult.C2Coverage(done, chunks);
    }

    private static boolean isChunk(String method) {
        return method.startsWith("fwd") || method.startsWith("fused") || method.startsWith("elim");
    }

    /** The methods (class key + "." + name) with a tier-4 compilation or inlined into one; null on failure. */
    private Set<String> compiledMethods() {
        Path file = null;
        try {
            recording.stop();
            file = Files.createTempFile("crosscountry-c2-", ".jfr");
            recording.dump(file);
            Set<Long> tier4 = new HashSet<>();
            Set<String> compiled = new HashSet<>();
            Map<Long, List<String>> inlinedInto = new HashMap<>();
            try (RecordingFile events = new RecordingFile(file)) {
                while (events.hasMoreEvents()) {
                    RecordedEvent e = events.readEvent();
                    String type = e.getEventType().getName();
                    if (type.equals("jdk.Compilation")) {
                        if (e.getInt("compileLevel") == C2_TIER && succeeded(e)) {
                            tier4.add(e.getLong("compileId"));
                            RecordedMethod m = e.getValue("method");
                            if (m != null && !e.getBoolean("isOsr")) {
                                compiled.add(jfrKey(m.getType().getName()) + "." + m.getName());
                            }
                        }
                    } else if (type.equals("jdk.CompilerInlining") && e.getBoolean("succeeded")) {
                        RecordedObject callee = e.getValue("callee");
                        String calleeType = callee == null ? null : callee.getString("type");
                        if (calleeType != null && HIDDEN_JFR.matcher(calleeType).find()) {
                            inlinedInto.computeIfAbsent(e.getLong("compileId"), k -> new ArrayList<>())
                                    .add(jfrKey(calleeType) + "." + callee.getString("name"));
                        }
                    }
                }
            }
            inlinedInto.forEach((id, methods) -> {
                if (tier4.contains(id)) {
                    compiled.addAll(methods);
                }
            });
            return compiled;
        } catch (IOException | RuntimeException e) {
            return null;
        } finally {
            recording.close();
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind
                }
            }
        }
    }

    /** JDK 17's event spells the field "succeded"; later JDKs may correct it. */
    private static boolean succeeded(RecordedEvent e) {
        return e.hasField("succeded") ? e.getBoolean("succeded") : e.getBoolean("succeeded");
    }

    /**
     * A hidden class's unique suffix in JFR's names ({@code …GeneratedJacobian+0x7f….123} on JDK 17,
     * {@code …GeneratedJacobian.0x7f…} on JDK 25, {@code …/GeneratedJacobian+0x7f…} for an inlined
     * callee), else the name.
     */
    static String jfrKey(String name) {
        Matcher m = HIDDEN_JFR.matcher(name);
        return m.find() ? m.group(1) : name.replace('/', '.');
    }

    /** The same key from {@link Class#getName()} ({@code …GeneratedJacobian/0x7f…} for a hidden class). */
    static String classKey(String name) {
        Matcher m = HIDDEN_CLASS.matcher(name);
        return m.find() ? m.group(1) : name;
    }
}
