package io.crosscountry.analysis;

import io.crosscountry.elimination.Operand;

/**
 * A comparison of doubles whose outcome decided a branch while tracing. The graph is only valid
 * for calls where every guard compares the same way.
 *
 * @param left    the left operand (a vertex, input or literal)
 * @param right   the right operand
 * @param nanHigh whether NaN compares as greater ({@code dcmpg}) rather than less ({@code dcmpl})
 * @param outcome the comparison result at the example arguments: -1, 0 or 1
 * @param method  where the comparison is, as {@code owner.name(descriptor)}
 * @param line    its source line, or -1
 */
public record Guard(Operand left, Operand right, boolean nanHigh, int outcome, String method, int line) {

    /** The comparison result of {@code dcmpl}/{@code dcmpg} on these values. */
    public static int compare(double a, double b, boolean nanHigh) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return nanHigh ? 1 : -1;
        }
        return a < b ? -1 : (a > b ? 1 : 0);
    }

    /** Whether these operand values take the same path as the traced call. */
    public boolean holds(double leftValue, double rightValue) {
        return compare(leftValue, rightValue, nanHigh) == outcome;
    }

    @Override
    public String toString() {
        String rel = outcome < 0 ? "<" : outcome > 0 ? ">" : "==";
        return left + " " + rel + " " + right + " at " + method + (line >= 0 ? ":" + line : "");
    }
}
