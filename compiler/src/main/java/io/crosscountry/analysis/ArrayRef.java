package io.crosscountry.analysis;

/**
 * An array during tracing. Arrays are mutable and compared by identity, as in the JVM; elements
 * are {@link Num} for double/float arrays, boxed concrete values for other primitives, and
 * {@code ArrayRef} or concrete objects for reference arrays.
 */
final class ArrayRef {

    /** The element type descriptor: {@code D F I J Z B C S} or {@code L} for references. */
    final char kind;
    final Object[] elements;

    ArrayRef(char kind, Object[] elements) {
        this.kind = kind;
        this.elements = elements;
    }

    ArrayRef copy() {
        return new ArrayRef(kind, elements.clone());
    }
}
