package dev.diffo.admin.domain;

/**
 * A create that names an existing {@code {name, majorVersion}}: refused, never an overwrite. The message says
 * which version stands there and what to do instead.
 */
public class SpecificationExistsException extends InvalidInputException {

    private final transient Specification existing;

    public SpecificationExistsException(Specification existing) {
        super(describe(existing), "Nothing was written.");
        this.existing = existing;
    }

    /** "broadband v1 exists (v1.1.0): use Next patch/Next minor, or Publish major". */
    public static String describe(Specification existing) {
        return existing.name() + " v" + existing.majorVersion() + " exists (" + existing.version() + "): use Next patch/Next minor, or Publish major";
    }

    public Specification existing() {
        return existing;
    }
}
