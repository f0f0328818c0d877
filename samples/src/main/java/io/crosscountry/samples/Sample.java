package io.crosscountry.samples;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One benchmark task: a {@code @Differentiable} static method and the example arguments that fix
 * its array lengths and branches.
 *
 * @param name    the task name used by the CLI and in reports (e.g. {@code RoeFlux_1d})
 * @param owner   the class declaring the method
 * @param method  the method name
 * @param kind    which family the task belongs to
 * @param argsFactory creates a fresh copy of the reference arguments
 */
public record Sample(String name, Class<?> owner, String method, Kind kind, Supplier<Object[]> argsFactory) {

    /** The families of tasks. */
    public enum Kind {
        /** Small hand-checkable functions. */
        WARMUP,
        /** Paper tasks made of scalar operations; their graphs equal the published ones vertex by vertex. */
        SCALAR,
        /** Paper tasks written with arrays and loops; their graphs are scalarised versions of the published ones. */
        TENSOR,
        /** A user's method, named as {@code fully.qualified.Class#method} (not a built-in sample). */
        USER
    }

    public Sample {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(argsFactory, "argsFactory");
    }

    /** A fresh copy of the reference arguments (arrays are never shared between calls). */
    public Object[] args() {
        return argsFactory.get();
    }
}
