package io.crosscountry.analysis;

import io.crosscountry.elimination.Operand;

/**
 * A comparison of doubles whose outcome decided a branch while tracing. The graph is only valid
 * for calls where every guard holds, i.e. the comparison leads down the same path.
 *
 * @param left     the left operand (a vertex, input or literal)
 * @param right    the right operand
 * @param nanHigh  whether NaN compares as greater ({@code dcmpg}) rather than less ({@code dcmpl})
 * @param outcome  the comparison result at the example arguments: -1, 0 or 1
 * @param pathMask the comparison results that take the traced path, as bits ({@link #mask(int)}):
 *                 for {@code x <= y} traced with {@code x < y} both -1 and 0 keep the path
 * @param method   where the comparison is, as {@code owner.name(descriptor)}
 * @param line     its source line, or -1
 */
public record Guard(Operand left, Operand right, boolean nanHigh, int outcome, int pathMask, String method, int line) {

    public Guard {
        if (outcome < -1 || outcome > 1) {
            throw new IllegalArgumentException("outcome must be -1, 0 or 1: " + outcome);
        }
        if ((pathMask & mask(outcome)) == 0) {
            throw new IllegalArgumentException("the traced outcome must take the traced path");
        }
    }

    /** The bit of a comparison result (-1, 0 or 1) in {@link #pathMask()}. */
    public static int mask(int result) {
        return 1 << (result + 1);
    }

    /** The comparison result of {@code dcmpl}/{@code dcmpg} on these values. */
    public static int compare(double a, double b, boolean nanHigh) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return nanHigh ? 1 : -1;
        }
        return a < b ? -1 : (a > b ? 1 : 0);
    }

    /** Whether these operand values take the same path as the traced call. */
    public boolean holds(double leftValue, double rightValue) {
        return (pathMask & mask(compare(leftValue, rightValue, nanHigh))) != 0;
    }

    @Override
    public String toString() {
        String rel = switch (pathMask) {
            case 0b001 -> "<";
            case 0b010 -> "==";
            case 0b100 -> ">";
            case 0b011 -> "<=";
            case 0b110 -> ">=";
            case 0b101 -> "!=";
            default -> "<=>";                     // every result: NaN alone can leave the path
        };
        String where = " at " + method + (line >= 0 ? ":" + line : "");
        if (left.equals(right)) {                 // a value compared with itself differs only on NaN
            return left + ((pathMask & mask(nanHigh ? 1 : -1)) != 0 ? " is NaN" : " is not NaN") + where;
        }
        return left + " " + rel + " " + right + where;
    }
}
