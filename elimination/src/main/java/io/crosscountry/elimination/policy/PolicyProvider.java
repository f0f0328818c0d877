package io.crosscountry.elimination.policy;

/**
 * A source of the pretrained policy, found with {@link java.util.ServiceLoader} (the
 * {@code rl-policy} module registers one), so that the elimination module and everything built on it
 * use the network without depending on it.
 */
public interface PolicyProvider {

    /** A new policy instance for one thread. */
    Policy create();

    /** Whether the provider can create policies (e.g. its weights are present); unavailable providers are skipped. */
    default boolean available() {
        return true;
    }

    /** What this provider serves (model name and version), for reports. */
    String description();
}
