package io.crosscountry.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * Build-time processing as a user runs it: the Maven project {@code samples/build-time-example}
 * is built by a forked {@code mvn} (byte-buddy-maven-plugin with crosscountry's JacobianPlugin),
 * and its program then runs WITHOUT the agent.
 */
class BuildTimeEndToEndTest {

    private static final Path PROJECT = Forked.ROOT.resolve("samples/build-time-example");
    private static final String MAIN = "io.crosscountry.samples.buildtime.BuildTimeExample";
    private static final String GENERATED = "BuildTimeExample$$CrossCountry$jacobianOfTip";
    private static final double[][] POINTS = {{0.3, 1.1, 0.8}, {0.2, 1.0, 0.9}, {0.6, 0.9, 1.0}};   // main's

    @TempDir
    static Path build;
    static Path classes;

    @BeforeAll
    static void buildTheExampleProject() throws Exception {
        assertTrue(Files.isRegularFile(Forked.JAR), "the agent module packages " + Forked.JAR);
        List<String> mvn = new ArrayList<>(List.of("mvn", "-B", "-f", PROJECT.resolve("pom.xml").toString(), "package",
                "-Dexample.build.directory=" + build, "-Dcrosscountry.jar=" + Forked.JAR));
        if (System.getProperty("maven.repo.local") != null) {
            mvn.add("-Dmaven.repo.local=" + System.getProperty("maven.repo.local"));
        }
        Forked.Result r = Forked.exec(mvn, PROJECT);
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("Transformed 1 type(s)"), r.out());
        classes = build.resolve("classes");
    }

    @Test
    void build_should_write_the_generated_classes_next_to_the_owner() throws IOException {
        Path pkg = classes.resolve("io/crosscountry/samples/buildtime");
        assertTrue(Files.isRegularFile(pkg.resolve(GENERATED + ".class")));
        assertTrue(Files.isRegularFile(pkg.resolve(GENERATED + "$0.class")));
        ClassNode owner = new ClassNode();
        new ClassReader(Files.readAllBytes(pkg.resolve("BuildTimeExample.class"))).accept(owner, 0);
        MethodNode stub = owner.methods.stream().filter(m -> m.name.equals("jacobianOfTip")).findFirst().orElseThrow();
        List<String> calls = new ArrayList<>();
        for (AbstractInsnNode insn : stub.instructions) {
            if (insn instanceof MethodInsnNode m) {
                calls.add(m.owner + "." + m.name);
            }
        }
        assertEquals(List.of("io/crosscountry/samples/buildtime/" + GENERATED + ".jacobian"), calls);
    }

    @Test
    void every_class_file_of_the_build_should_verify() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertTrue(files.size() >= 3, "the owner, the entry class and at least one kernel class: " + files);
        try (URLClassLoader loader = loader()) {
            for (Path f : files) {
                StringWriter out = new StringWriter();
                CheckClassAdapter.verify(new ClassReader(Files.readAllBytes(f)), loader, false, new PrintWriter(out));
                assertEquals("", out.toString(), f.toString());
            }
        }
    }

    @Test
    void program_should_print_the_jacobian_without_the_agent() throws Exception {
        Forked.Result r = Forked.java(List.of(), List.of(classes, Forked.JAR), MAIN);
        assertEquals(0, r.code(), r.err());
        List<double[][]> printed = Forked.jacobians(r.out());
        assertEquals(POINTS.length, printed.size(), r.out());
        try (URLClassLoader loader = loader()) {
            Method tip = loader.loadClass(MAIN).getMethod("tip", double[].class, double.class);
            for (int p = 0; p < POINTS.length; p++) {
                double[] x = POINTS[p];
                Oracles.assertClose(Oracles.dualNumbers(AgentEndToEndTest::tip, x), printed.get(p), 1e-12, "dual numbers at " + p);
                Oracles.assertClose(Oracles.centralDifferences(v -> call(tip, v), x), printed.get(p), 1e-6, "differences at " + p);
            }
        }
    }

    @Test
    void calls_on_the_traced_path_should_not_need_the_runtime_compiler() throws Exception {
        Forked.Result r = Forked.java(List.of("-Dcrosscountry.retrace=false"), List.of(classes, Forked.JAR), MAIN);
        assertEquals(2, Forked.jacobians(r.out()).size(), "the two points on the traced branch: " + r.out() + r.err());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("io.crosscountry.PathChangedException"), r.err());
    }

    private static double[] call(Method tip, double[] v) {
        try {
            return (double[]) tip.invoke(null, new double[] {v[0], v[1]}, v[2]);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URLClassLoader loader() throws IOException {
        return new URLClassLoader(new URL[] {classes.toUri().toURL(), Forked.JAR.toUri().toURL()}, null) {
            @Override
            public String toString() {
                return "build output" + File.pathSeparator + "crosscountry jar";
            }
        };
    }
}
