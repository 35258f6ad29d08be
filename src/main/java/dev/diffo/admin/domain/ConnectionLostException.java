package dev.diffo.admin.domain;

/** The connection to Neo4j was lost mid-operation: nothing more can be read or written until it is back. */
public class ConnectionLostException extends DiffoAdminException {
    public ConnectionLostException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
