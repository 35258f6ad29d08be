package dev.diffo.admin.domain;

/** A specification version; rendered the way diffo renders it: {@code v1.1.0}. */
public record SemanticVersion(long major, long minor, long patch) implements Comparable<SemanticVersion> {

    public SemanticVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("version numbers must be >= 0, got " + major + "." + minor + "." + patch);
        }
    }

    public static SemanticVersion of(long major, long minor, long patch) {
        return new SemanticVersion(major, minor, patch);
    }

    @Override
    public int compareTo(SemanticVersion o) {
        int c = Long.compare(major, o.major);
        if (c == 0) {
            c = Long.compare(minor, o.minor);
        }
        return c != 0 ? c : Long.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return "v" + major + "." + minor + "." + patch;
    }
}
