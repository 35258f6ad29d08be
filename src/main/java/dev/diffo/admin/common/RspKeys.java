package dev.diffo.admin.common;

/**
 * How the graph spells an RSP's key: a key given in another case ({@code org000000123456} for the party key
 * {@code ORG000000123456}) is looked up once, when the access is set, so that every read after it matches the
 * stored key exactly (and an index on it, where there is one, keeps serving).
 */
public interface RspKeys {

    /** Keys as given: for stores without parties (and tests without a database). */
    RspKeys AS_GIVEN = given -> given;

    /** The stored spelling of {@code given} (a party's key in any case); {@code given} itself when no party has it, or it cannot be told. */
    String stored(String given);
}
