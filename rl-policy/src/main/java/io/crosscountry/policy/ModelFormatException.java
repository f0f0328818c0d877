package io.crosscountry.policy;

/**
 * A policy model file or checkpoint could not be read: bad magic bytes, an unknown format version,
 * unexpected tensor names or shapes, a checksum mismatch, truncation, or an I/O error while reading.
 *
 * <p>The message names the source (file, resource or stream description) and what is wrong.
 * Unchecked, because a corrupt shipped model is a packaging bug rather than a recoverable condition.
 */
public class ModelFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;

    /**
     * @param source  the file, resource or stream that was being read
     * @param problem what is wrong with it
     */
    public ModelFormatException(String source, String problem) {
        super("invalid policy model " + source + ": " + problem);
        this.source = source;
    }

    /**
     * @param source  the file, resource or stream that was being read
     * @param problem what is wrong with it
     * @param cause   the underlying error (an I/O or engine error)
     */
    public ModelFormatException(String source, String problem, Throwable cause) {
        super("invalid policy model " + source + ": " + problem, cause);
        this.source = source;
    }

    /** The file, resource or stream that was being read. */
    public String source() {
        return source;
    }
}
