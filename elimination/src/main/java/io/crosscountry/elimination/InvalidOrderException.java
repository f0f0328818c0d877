package io.crosscountry.elimination;

import java.util.List;

/** An elimination order that is not a permutation of the graph's eliminable vertices. */
public final class InvalidOrderException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<Integer> missing;
    private final List<Integer> duplicates;
    private final List<Integer> unknown;
    private final List<Integer> outputs;

    InvalidOrderException(List<Integer> missing, List<Integer> duplicates, List<Integer> unknown, List<Integer> outputs) {
        super(message(missing, duplicates, unknown, outputs));
        this.missing = List.copyOf(missing);
        this.duplicates = List.copyOf(duplicates);
        this.unknown = List.copyOf(unknown);
        this.outputs = List.copyOf(outputs);
    }

    private static String message(List<Integer> missing, List<Integer> duplicates, List<Integer> unknown, List<Integer> outputs) {
        StringBuilder sb = new StringBuilder("invalid elimination order:");
        append(sb, "missing eliminable vertices", missing);
        append(sb, "duplicate ids", duplicates);
        append(sb, "unknown ids", unknown);
        append(sb, "output vertices (never eliminated)", outputs);
        return sb.toString();
    }

    private static void append(StringBuilder sb, String what, List<Integer> ids) {
        if (!ids.isEmpty()) {
            sb.append(' ').append(what).append(' ').append(ids).append(';');
        }
    }

    /** Eliminable vertices the order leaves out. */
    public List<Integer> missing() {
        return missing;
    }

    /** Ids that occur more than once (each listed once). */
    public List<Integer> duplicates() {
        return duplicates;
    }

    /** Ids that are not vertices of the graph. */
    public List<Integer> unknown() {
        return unknown;
    }

    /** Output vertices the order tries to eliminate. */
    public List<Integer> outputs() {
        return outputs;
    }
}
