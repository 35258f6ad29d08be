package dev.diffo.admin.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The explicit escape hatch from "Cypher lives only in repository classes" (STYLE S17): a class outside
 * {@code repository} that must run an administrative statement says so, and why.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface RunsAdministrativeCypher {
    String value();
}
