package io.crosscountry.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Runs Java programs in forked JVMs, as a user would, and reads what they print. */
final class Forked {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path JAR = ROOT.resolve("agent/target/crosscountry-agent.jar");
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private Forked() {
    }

    /** Exit code, stdout and stderr of a process. */
    record Result(int code, String out, String err) {
    }

    static Result exec(List<String> command, Path directory) throws IOException, InterruptedException {
        Path out = Files.createTempFile("cc-out", ".txt");
        Path err = Files.createTempFile("cc-err", ".txt");
        Process p = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    /** {@code java [jvmOptions] -cp classPath mainClass args}. */
    static Result java(List<String> jvmOptions, List<Path> classPath, String mainClass, String... args)
            throws IOException, InterruptedException {
        return java(JAVA, jvmOptions, classPath, mainClass, args);
    }

    /** {@code java [jvmOptions] -cp classPath mainClass args} with the given {@code java} executable. */
    static Result java(String java, List<String> jvmOptions, List<Path> classPath, String mainClass, String... args)
            throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(JAR), "the agent module packages " + JAR);
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()));
        command.add(mainClass);
        command.addAll(List.of(args));
        return exec(command, ROOT);
    }

    /** Where a class was loaded from: a classes folder or a jar. */
    static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Pattern LINE = Pattern.compile("^J\\((.*)\\) = (\\[\\[.*\\]\\])$", Pattern.MULTILINE);
    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

    /** The Jacobians of lines {@code J(args) = [[...], ...]}, in order. */
    static List<double[][]> jacobians(String out) {
        List<double[][]> result = new ArrayList<>();
        Matcher m = LINE.matcher(out);
        while (m.find()) {
            String[] rows = m.group(2).substring(2, m.group(2).length() - 2).split("\\], \\[");
            double[][] J = new double[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                String[] cells = rows[i].split(", ");
                J[i] = new double[cells.length];
                for (int k = 0; k < cells.length; k++) {
                    J[i][k] = Double.parseDouble(cells[k]);
                }
            }
            result.add(J);
        }
        return result;
    }

    /**
     * A {@code java} executable of feature release {@code minFeature} or later among the JDKs in
     * {@code /usr/lib/jvm} (by their {@code release} files), if there is one.
     */
    static Optional<String> newerJava(int minFeature) throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(h -> featureOf(h.resolve("release")) >= minFeature)
                    .map(h -> h.resolve("bin/java"))
                    .filter(Files::isExecutable)
                    .map(Path::toString)
                    .sorted()
                    .findFirst();
        }
    }

    /** The feature release in a JDK's {@code release} file ({@code JAVA_VERSION="25.0.3"} → 25); 0 if unknown. */
    private static int featureOf(Path release) {
        try {
            Matcher m = JAVA_VERSION.matcher(Files.readString(release, StandardCharsets.UTF_8));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
