package io.crosscountry.elimination;

/**
 * One operand of a vertex: a graph input, an earlier vertex, or a literal constant.
 *
 * @param ref     {@code > 0}: the vertex with this id; {@code < 0}: input number {@code -ref}
 *                (1-based, flattened parameter order); {@code 0}: a literal
 * @param literal the literal's value when {@code ref == 0}, else {@code 0}
 */
public record Operand(int ref, double literal) {

    /** The operand that reads vertex {@code id} (1-based). */
    public static Operand vertex(int id) {
        if (id <= 0) {
            throw new IllegalArgumentException("vertex ids start at 1: " + id);
        }
        return new Operand(id, 0.0);
    }

    /** The operand that reads input {@code index} (0-based). */
    public static Operand input(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("input indices start at 0: " + index);
        }
        return new Operand(-(index + 1), 0.0);
    }

    /** A literal constant. */
    public static Operand literal(double value) {
        return new Operand(0, value);
    }

    public boolean isLiteral() {
        return ref == 0;
    }

    public boolean isInput() {
        return ref < 0;
    }

    public boolean isVertex() {
        return ref > 0;
    }

    /** The 0-based input index; only for inputs. */
    public int inputIndex() {
        if (!isInput()) {
            throw new IllegalStateException("not an input: " + this);
        }
        return -ref - 1;
    }

    @Override
    public String toString() {
        if (isLiteral()) {
            return Double.toString(literal);
        }
        return isInput() ? "in" + (-ref) : "#" + ref;
    }
}
