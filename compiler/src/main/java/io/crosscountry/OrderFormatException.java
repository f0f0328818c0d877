package io.crosscountry;

/** An order file that cannot be read: not JSON, or not one of the accepted shapes. */
public class OrderFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public OrderFormatException(String message) {
        super(message);
    }

    public OrderFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
