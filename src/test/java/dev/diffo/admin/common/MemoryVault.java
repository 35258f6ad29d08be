package dev.diffo.admin.common;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A keyring for tests: a map, or none at all ({@code new MemoryVault(null)} says why there is none). */
public final class MemoryVault implements PasswordVault {
    public final Map<String, String> kept = new HashMap<>();
    private final String missing;

    /** A keyring that works. */
    public MemoryVault() {
        this(null);
    }

    /** {@code missing}: why there is no keyring (null: there is one). */
    public MemoryVault(String missing) {
        this.missing = missing;
    }

    @Override
    public boolean available() {
        return missing == null;
    }

    @Override
    public String why() {
        return missing == null ? "" : missing;
    }

    @Override
    public synchronized Optional<char[]> find(String profile) {
        return missing != null ? Optional.empty() : Optional.ofNullable(kept.get(profile)).map(String::toCharArray);
    }

    @Override
    public synchronized void store(String profile, char[] password) {
        if (missing != null) {
            throw new IllegalStateException(missing);
        }
        kept.put(profile, new String(password));
    }

    @Override
    public synchronized void forget(String profile) {
        kept.remove(profile);
    }
}
