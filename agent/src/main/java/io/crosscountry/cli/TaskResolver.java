package io.crosscountry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscountry.CrossCountry;
import io.crosscountry.analysis.Trace;
import io.crosscountry.samples.Sample;
import io.crosscountry.samples.Samples;
import java.io.File;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Turns a TASK argument into a traced graph: a built-in sample name, or
 * {@code fully.qualified.Class#method} with example arguments from {@code --args} or from the
 * class's static {@code exampleArgs()} method. A picocli mixin: it declares the TASK parameter
 * (the first positional) and the options that qualify it, for every command that works on one task.
 */
final class TaskResolver {

    @Parameters(index = "0", paramLabel = "TASK", description = "A sample name (see 'tasks') or fully.qualified.Class#method.")
    String task;

    @Option(names = "--args", paramLabel = "JSON",
            description = "Example arguments for Class#method as a JSON list, e.g. '[0.5, [1.0, 2.0], 3]'.")
    String argsJson;

    @Option(names = {"--classpath", "-cp"}, paramLabel = "PATH",
            description = "Where to find Class#method (directories and jars, separated by the platform path separator).")
    String classpath;

    /** A resolved task: its display name and trace. */
    record Resolved(String name, Trace trace) {
    }

    /** Traces the TASK given on the command line: a sample name or {@code Class#method}. */
    Resolved resolve() {
        Sample s = sample(task, classpath, argsJson);
        return new Resolved(s.name(), CrossCountry.trace(s.owner(), s.method(), s.args()));
    }

    /**
     * A built-in sample by name, or {@code fully.qualified.Class#method} as a sample of kind
     * {@link Sample.Kind#USER}, loaded from {@code classpath} (null: the CLI's own class path), its
     * arguments parsed afresh from {@code argsJson} at every {@link Sample#args()} call, or taken
     * from the class's static {@code exampleArgs()}, called again at every {@link Sample#args()} call.
     *
     * @throws IllegalArgumentException for an unknown sample, a missing class, or arguments that do not fit
     */
    static Sample sample(String task, String classpath, String argsJson) {
        int hash = task.indexOf('#');
        if (hash < 0) {
            try {
                return Samples.get(task);
            } catch (NoSuchElementException e) {
                throw new IllegalArgumentException(e.getMessage() + " (or give fully.qualified.Class#method)");
            }
        }
        String className = task.substring(0, hash);
        String method = task.substring(hash + 1);
        Class<?> owner = load(className, classpath);
        if (argsJson != null) {
            parseArgs(owner, method, argsJson);      // fails now, not at the first use
            return new Sample(task, owner, method, Sample.Kind.USER, () -> parseArgs(owner, method, argsJson));
        }
        exampleArgs(owner, method);
        return new Sample(task, owner, method, Sample.Kind.USER, () -> exampleArgs(owner, method));
    }

    private static Class<?> load(String className, String classpath) {
        ClassLoader loader = TaskResolver.class.getClassLoader();
        if (classpath != null) {
            List<URL> urls = new ArrayList<>();
            for (String part : classpath.split(File.pathSeparator)) {
                try {
                    urls.add(new File(part).toURI().toURL());
                } catch (MalformedURLException e) {
                    throw new IllegalArgumentException("bad classpath entry " + part, e);
                }
            }
            loader = new URLClassLoader(urls.toArray(new URL[0]), loader);
        }
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("class " + className + " not found" + (classpath == null ? " (use --classpath)" : " on " + classpath));
        }
    }

    private static Object[] exampleArgs(Class<?> owner, String method) {
        try {
            Method m = owner.getDeclaredMethod("exampleArgs");
            if (Modifier.isStatic(m.getModifiers()) && m.getReturnType() == Object[].class) {
                m.setAccessible(true);
                return (Object[]) m.invoke(null);
            }
        } catch (NoSuchMethodException e) {
            // fall through to the error below
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("exampleArgs() of " + owner.getName() + " failed: " + e.getCause(), e);
        }
        throw new IllegalArgumentException("no example arguments for " + owner.getName() + "#" + method
                + ": pass --args '[...]' or add a static Object[] exampleArgs() to the class");
    }

    /** Converts a JSON list to arguments that fit the method's parameters. */
    private static Object[] parseArgs(Class<?> owner, String method, String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("--args is not valid JSON: " + e.getMessage());
        }
        if (!root.isArray()) {
            throw new IllegalArgumentException("--args must be a JSON list");
        }
        Method target = null;
        for (Method m : owner.getDeclaredMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == root.size()) {
                target = m;
            }
        }
        if (target == null) {
            throw new IllegalArgumentException("no method " + owner.getName() + "#" + method + " with " + root.size() + " parameters");
        }
        Class<?>[] types = target.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            args[i] = convert(root.get(i), types[i], i);
        }
        return args;
    }

    private static Object convert(JsonNode n, Class<?> type, int index) {
        if (type == double.class || type == Double.class) {
            return n.asDouble();
        } else if (type == float.class) {
            return (float) n.asDouble();
        } else if (type == int.class) {
            return n.asInt();
        } else if (type == long.class) {
            return n.asLong();
        } else if (type == boolean.class) {
            return n.asBoolean();
        } else if (type == double[].class && n.isArray()) {
            double[] a = new double[n.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = n.get(i).asDouble();
            }
            return a;
        } else if (type == double[][].class && n.isArray()) {
            double[][] a = new double[n.size()][];
            for (int i = 0; i < a.length; i++) {
                a[i] = (double[]) convert(n.get(i), double[].class, index);
            }
            return a;
        }
        throw new IllegalArgumentException("--args: cannot convert argument " + index + " (" + n + ") to " + type.getSimpleName());
    }
}
