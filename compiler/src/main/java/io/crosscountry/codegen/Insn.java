package io.crosscountry.codegen;

/** One statement of the code generator's straight-line intermediate form. */
sealed interface Insn {

    /**
     * Defines SSA value {@code id} as {@code expr}.
     *
     * @param keepIfDead emit it even when nothing reads it (elimination products, so that the
     *                   generated multiplications equal the cost model's count)
     */
    record Def(int id, Expr expr, boolean keepIfDead) implements Insn {
    }

    /**
     * Re-checks a traced branch: compares {@code left} with {@code right} like {@code dcmpl}
     * ({@code nanHigh == false}) or {@code dcmpg}, and records a failure unless the result's bit
     * ({@code 1 << (result + 1)}) is in {@code pathMask}.
     */
    record GuardCheck(Expr left, Expr right, boolean nanHigh, int pathMask) implements Insn {
    }

    /** {@code J[row][col] = value}. */
    record StoreJ(int row, int col, Expr value) implements Insn {
    }

    /** {@code Arrays.fill(J[row], 0.0)}: a row with many structural zeros, before its stores. */
    record ZeroRow(int row) implements Insn {
    }
}
