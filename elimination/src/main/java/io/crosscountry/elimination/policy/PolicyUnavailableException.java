package io.crosscountry.elimination.policy;

/** Thrown when a policy-based search is asked for but no pretrained policy is on the class path. */
public final class PolicyUnavailableException extends RuntimeException {

    public PolicyUnavailableException(String message) {
        super(message);
    }
}
