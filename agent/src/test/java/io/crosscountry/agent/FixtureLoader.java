package io.crosscountry.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A fresh class loader for test fixtures: classes of {@code io.crosscountry.agent.fixtures} come
 * from the given bytes or folder (child first), everything else (crosscountry, the JDK) from the
 * test's class loader. No agent is involved.
 */
final class FixtureLoader extends ClassLoader {

    static final String PACKAGE = "io.crosscountry.agent.fixtures.";

    private final Map<String, byte[]> classes = new HashMap<>();
    private final Path folder;

    FixtureLoader(Path folder) {
        super(FixtureLoader.class.getClassLoader());
        this.folder = folder;
    }

    FixtureLoader(Map<String, byte[]> classes) {
        this((Path) null);
        this.classes.putAll(classes);
    }

    /** The class file of a class as the test's class loader sees it. */
    static byte[] original(String name) {
        try (InputStream in = FixtureLoader.class.getClassLoader().getResourceAsStream(name.replace('.', '/') + ".class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(PACKAGE)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] b = bytes(name);
                if (b == null) {
                    throw new ClassNotFoundException(name);
                }
                c = defineClass(name, b, 0, b.length);
            }
            return c;
        }
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        String className = name.endsWith(".class") ? name.substring(0, name.length() - 6).replace('/', '.') : "";
        if (className.startsWith(PACKAGE)) {
            byte[] b = bytes(className);
            return b == null ? null : new java.io.ByteArrayInputStream(b);
        }
        return super.getResourceAsStream(name);
    }

    private byte[] bytes(String name) {
        if (folder == null) {
            return classes.containsKey(name) ? classes.get(name) : original(name);
        }
        Path p = folder.resolve(name.replace('.', '/') + ".class");
        try {
            return Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
