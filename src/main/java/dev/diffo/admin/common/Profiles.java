package dev.diffo.admin.common;

import dev.diffo.admin.domain.ConnectionProfile;
import java.util.List;
import java.util.Optional;

/** The user's stored connection profiles (no passwords), and which one was used last. Implemented in {@code app}. */
public interface Profiles {

    /** By name, in name order. */
    List<ConnectionProfile> list();

    Optional<ConnectionProfile> find(String name);

    /**
     * Stores {@code profile}. {@code replacing} is the name of the profile being edited (null for a new one): a new
     * profile, or one renamed, whose name another profile has is refused, never overwritten.
     */
    void save(ConnectionProfile profile, String replacing);

    void remove(String name);

    Optional<String> lastUsed();

    void markUsed(String name);

    /** Where they are kept, for messages and the README. */
    String location();
}
