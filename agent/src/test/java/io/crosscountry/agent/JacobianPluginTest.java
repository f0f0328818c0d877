package io.crosscountry.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.CrossCountry;
import io.crosscountry.Order;
import io.crosscountry.PathChangedException;
import io.crosscountry.agent.fixtures.Annotated;
import io.crosscountry.agent.fixtures.Broken;
import io.crosscountry.agent.fixtures.Plain;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.bytebuddy.build.Plugin;
import net.bytebuddy.dynamic.ClassFileLocator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Build-time processing: {@link JacobianPlugin} run by Byte Buddy's {@link Plugin.Engine} (what
 * {@code byte-buddy-maven-plugin} runs) over compiled fixtures; the output is loaded in a fresh
 * class loader, without any agent.
 */
class JacobianPluginTest {

    @TempDir
    static Path dir;
    static Path out;
    static Plugin.Engine.Summary summary;

    @BeforeAll
    static void processFixtures() throws IOException {
        Path in = dir.resolve("in");
        out = dir.resolve("out");
        copyClassFile(Annotated.class, in);
        copyClassFile(Annotated.Pair.class, in);
        copyClassFile(Plain.class, in);
        summary = engine().apply(new Plugin.Engine.Source.ForFolder(in.toFile()), new Plugin.Engine.Target.ForFolder(out.toFile()),
                List.of(new Plugin.Factory.Simple(new JacobianPlugin())));
    }

    static Plugin.Engine engine() {
        return new Plugin.Engine.Default().with(ClassFileLocator.ForClassLoader.of(JacobianPluginTest.class.getClassLoader()))
                .withErrorHandlers(Plugin.Engine.ErrorHandler.Failing.FAIL_FAST);
    }

    static void copyClassFile(Class<?> type, Path root) throws IOException {
        Path p = root.resolve(type.getName().replace('.', '/') + ".class");
        Files.createDirectories(p.getParent());
        Files.write(p, FixtureLoader.original(type.getName()));
    }

    private static Class<?> processed() throws ClassNotFoundException {
        return new FixtureLoader(out).loadClass(Annotated.class.getName());
    }

    private static double[][] call(Class<?> owner, String stub, Object... args) throws Exception {
        Method m = java.util.Arrays.stream(owner.getMethods()).filter(x -> x.getName().equals(stub)).findFirst().orElseThrow();
        try {
            return (double[][]) m.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    @Test
    void plugin_should_transform_only_the_annotated_class() {
        assertEquals(List.of(Annotated.class.getName()), summary.getTransformed().stream().map(t -> t.getName()).toList());
        assertTrue(summary.getFailed().isEmpty(), summary.getFailed().toString());
    }

    @Test
    void generated_classes_should_be_written_next_to_the_owner_and_verify() throws IOException {
        Path pkg = out.resolve("io/crosscountry/agent/fixtures");
        List<String> names;
        try (Stream<Path> files = Files.list(pkg)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertTrue(names.contains("Annotated$$CrossCountry$jacobianOfF.class"), names.toString());
        assertTrue(names.contains("Annotated$$CrossCountry$jacobianOfF$0.class"), names.toString());
        assertTrue(names.contains("Annotated$$CrossCountry$jacobianOfG.class"), names.toString());
        assertTrue(names.stream().noneMatch(n -> n.contains("lazyJacobianOfF")), "a stub without examples gets no generated code");
        for (String n : names) {
            JacobianAgentTest.assertVerifies(Files.readAllBytes(pkg.resolve(n)), new FixtureLoader(out));
        }
    }

    @Test
    void processed_stub_should_return_the_jacobian_from_generated_code() throws Exception {
        Class<?> owner = processed();
        Object[] examples = Annotated.examples();
        double[][] J = call(owner, "jacobianOfF", examples);
        double[][] expected = CrossCountry.jacobian(Annotated.class, "f", Order.REV, examples).apply(examples);
        for (int i = 0; i < J.length; i++) {
            assertArrayEquals(expected[i], J[i], 0.0, "row " + i);
        }
        double[][] at = call(owner, "jacobianOfF", 1.3, new double[] {2.0, -1.0, 0.5});    // same path, other values
        Method f = Annotated.class.getMethod("f", double.class, double[].class);
        Oracle.assertClose(Oracle.centralDifferences(f, 1.3, new double[] {2.0, -1.0, 0.5}), at, 1e-6);
        assertEquals(0, JacobianStubs.compiledStubs(owner), "the run-time compiler was not used");
    }

    @Test
    void processed_stub_should_handle_every_parameter_kind() throws Exception {
        Class<?> owner = processed();
        double[][] m = {{1.5, -2.0}, {0.25, 4.0, 0.5}, {-1.0}};
        double[][] J = call(owner, "jacobianOfG", m, 0.75f, 3, true);
        double[][] expected = CrossCountry.jacobian(Annotated.class, "g", Order.MARKOWITZ, m, 0.75f, 3, true)
                .apply(m, 0.75f, 3, true);
        for (int i = 0; i < J.length; i++) {
            assertArrayEquals(expected[i], J[i], 0.0, "row " + i);
        }
        assertEquals(0, JacobianStubs.compiledStubs(owner));
        double[][] other = call(owner, "jacobianOfG", m, 0.75f, 3, false);                 // a concrete parameter differs
        assertEquals(1, JacobianStubs.compiledStubs(owner), "served by the run-time compiler");
        assertEquals(Math.exp(-2.0), other[0][1], 1e-12, "d out0 / d m[0][1] without the square");
        assertEquals(1.5, other[0][6], 1e-12, "d out0 / d s");
    }

    @Test
    void processed_stub_should_take_float_matrices() throws Exception {
        Class<?> owner = processed();
        float[][] m = {{0.5f, 1.25f, -2f}, {-1.5f, 0.75f}};
        double[][] J = call(owner, "jacobianOfK", (Object) m);
        double[][] expected = CrossCountry.jacobian(Annotated.class, "k", Order.FWD, (Object) m).apply((Object) m);
        assertEquals(5, J.length);
        for (int i = 0; i < J.length; i++) {
            assertArrayEquals(expected[i], J[i], 0.0, "row " + i);
        }
        // out[0][0] = Σ m0j², out[0][1] = m00·m01: rows over the flattened m00 m01 m02 m10 m11
        assertArrayEquals(new double[] {2 * 0.5, 2 * 1.25, 2 * -2.0, 0, 0}, J[0], 1e-6);
        assertArrayEquals(new double[] {1.25, 0.5, 0, 0, 0}, J[1], 1e-6);
        assertEquals(0, JacobianStubs.compiledStubs(owner), "generated at build time");
        double[][] other = call(owner, "jacobianOfK", (Object) new float[][] {{1f, 2f}, {3f}});   // another shape
        assertEquals(1, JacobianStubs.compiledStubs(owner), "served by the run-time compiler");
        assertArrayEquals(new double[] {2, 4, 0}, other[0], 0.0, "Σ m0j² over the new shape");
        assertArrayEquals(new double[] {0, 0, 6}, other[2], 0.0, "m10²");
    }

    @Test
    void processed_stub_should_differentiate_code_written_with_objects() throws Exception {
        Class<?> owner = processed();
        double[] x = {1.25, 0.5, -0.75};
        double[][] J = call(owner, "jacobianOfH", (Object) x);
        // h = x2 (x0² + x1²)
        assertArrayEquals(new double[] {2 * x[2] * x[0], 2 * x[2] * x[1], x[0] * x[0] + x[1] * x[1]}, J[0], 1e-15);
        assertTrue(Files.exists(out.resolve("io/crosscountry/agent/fixtures/Annotated$$CrossCountry$jacobianOfH.class")));
        assertEquals(0, JacobianStubs.compiledStubs(owner), "generated at build time");
    }

    @Test
    void call_on_another_path_should_fall_back_to_the_runtime() throws Exception {
        Class<?> owner = processed();
        double[] x = {0.1, 0.2, 0.3};                                                    // r < 1: the other branch
        double[][] J = call(owner, "jacobianOfF", -0.4, x);
        Method f = Annotated.class.getMethod("f", double.class, double[].class);
        Oracle.assertClose(Oracle.centralDifferences(f, -0.4, x), J, 1e-6);
        assertEquals(1, JacobianStubs.compiledStubs(owner));
        double[] longer = {0.5, 1.5, -0.25, 2.0};                                        // another length
        Oracle.assertClose(Oracle.centralDifferences(f, 0.7, longer), call(processed(), "jacobianOfF", 0.7, longer), 1e-6);
    }

    @Test
    void call_on_another_path_should_throw_when_retracing_is_off() throws Exception {
        Class<?> owner = processed();
        System.setProperty(JacobianStubs.RETRACE_PROPERTY, "false");
        try {
            PathChangedException e = assertThrows(PathChangedException.class,
                    () -> call(owner, "jacobianOfF", -0.4, new double[] {0.1, 0.2, 0.3}));
            assertTrue(e.getMessage().contains("jacobianOfF(D[D)[[D"), e.getMessage());
            assertEquals(3, call(owner, "jacobianOfF", Annotated.examples()).length, "the traced path still works");
        } finally {
            System.clearProperty(JacobianStubs.RETRACE_PROPERTY);
        }
    }

    @Test
    void stub_without_examples_should_call_the_runtime() throws Exception {
        Class<?> owner = processed();
        Object[] examples = Annotated.examples();
        double[][] J = call(owner, "lazyJacobianOfF", examples);
        double[][] expected = CrossCountry.jacobian(Annotated.class, "f", Order.AUTO, examples).apply(examples);
        for (int i = 0; i < J.length; i++) {
            assertArrayEquals(expected[i], J[i], 0.0);
        }
        assertEquals(1, JacobianStubs.compiledStubs(owner));
    }

    @Test
    void broken_stub_should_fail_the_build_naming_it(@TempDir Path tmp) throws IOException {
        copyClassFile(Broken.class, tmp.resolve("in"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> engine().apply(
                new Plugin.Engine.Source.ForFolder(tmp.resolve("in").toFile()),
                new Plugin.Engine.Target.ForFolder(tmp.resolve("out").toFile()),
                List.of(new Plugin.Factory.Simple(new JacobianPlugin()))));
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains("Broken.jacobianOfMissing(D)[[D: @JacobianOf(\"missing\") names no static"
                + " method missing(double)"), cause.getMessage());
    }
}
