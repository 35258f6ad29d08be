package dev.diffo.admin.common;

import java.util.Optional;

/**
 * The operating system's keyring, where a profile's password may be kept (never in the profile file or a log).
 * Implemented in {@code app}; where there is no keyring, {@link #available()} is false and {@link #why()} says why.
 */
public interface PasswordVault {

    boolean available();

    /** Why there is no keyring, one sentence; empty when there is one. */
    String why();

    Optional<char[]> find(String profile);

    void store(String profile, char[] password);

    void forget(String profile);
}
