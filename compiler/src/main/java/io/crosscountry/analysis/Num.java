package io.crosscountry.analysis;

import io.crosscountry.elimination.Operand;

/**
 * A double or float value during tracing: a literal constant, a graph input or a graph vertex,
 * together with its concrete value at the example arguments (which decides branches).
 *
 * @param ref    {@code 0}: a constant; {@code < 0}: input {@code -ref}; {@code > 0}: vertex id
 * @param value  the concrete value at the example arguments
 * @param single whether it is a float (one stack slot) rather than a double
 */
record Num(int ref, double value, boolean single) {

    static Num constant(double value, boolean single) {
        return new Num(0, value, single);
    }

    boolean isConstant() {
        return ref == 0;
    }

    Operand operand() {
        return ref == 0 ? Operand.literal(value) : new Operand(ref, 0.0);
    }

    /** The same value seen as a double (f2d widens exactly: no vertex). */
    Num widened() {
        return single ? new Num(ref, value, false) : this;
    }
}
