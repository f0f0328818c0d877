package io.crosscountry.codegen;

/** Methods of known bytecode size for {@link InlinedBytesTest} (javac's output is fixed for these). */
final class InlineFixture {

    private InlineFixture() {
    }

    /** {@code dload_0; dreturn}: 2 bytes. */
    static double leaf(double x) {
        return x;
    }

    /** {@code dload_0; invokestatic leaf; dreturn}: 5 bytes. */
    static double caller(double x) {
        return leaf(x);
    }

    /** 5 bytes, calling {@link #caller}: 5 + 5 + 2 inlined. */
    static double chain(double x) {
        return caller(x);
    }

    /**
     * 8 bytes, calling two native methods (no bytecode to inline). They are natives on every JDK;
     * {@code StrictMath}'s functions are not (Java code since JDK 21).
     */
    static double viaNative(double x) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(x));
    }

    /** Calls itself: its own size counts once. */
    static double recursive(double x) {
        return x > 1 ? recursive(x / 2) : x;
    }

    /** Far over C2's inlining size: counts 0 (C2 calls it). */
    static double huge(double x) {
        double s = x;
        for (int i = 0; i < 3; i++) {
            s = s * 1.1 + 2.1; s = s * 1.2 + 2.2; s = s * 1.3 + 2.3; s = s * 1.4 + 2.4; s = s * 1.5 + 2.5;
            s = s * 1.6 + 2.6; s = s * 1.7 + 2.7; s = s * 1.8 + 2.8; s = s * 1.9 + 2.9; s = s * 3.1 + 4.1;
            s = s * 3.2 + 4.2; s = s * 3.3 + 4.3; s = s * 3.4 + 4.4; s = s * 3.5 + 4.5; s = s * 3.6 + 4.6;
            s = s * 3.7 + 4.7; s = s * 3.8 + 4.8; s = s * 3.9 + 4.9; s = s * 5.1 + 6.1; s = s * 5.2 + 6.2;
            s = s * 5.3 + 6.3; s = s * 5.4 + 6.4; s = s * 5.5 + 6.5; s = s * 5.6 + 6.6; s = s * 5.7 + 6.7;
            s = s * 5.8 + 6.8; s = s * 5.9 + 6.9; s = s * 7.1 + 8.1; s = s * 7.2 + 8.2; s = s * 7.3 + 8.3;
            s = s * 7.4 + 8.4; s = s * 7.5 + 8.5; s = s * 7.6 + 8.6; s = s * 7.7 + 8.7; s = s * 7.8 + 8.8;
        }
        return s;
    }

    /** 5 bytes, calling {@link #huge}. */
    static double viaHuge(double x) {
        return huge(x);
    }
}
