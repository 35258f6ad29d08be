package dev.diffo.admin.domain;

/** Input the user can fix: the message says what is wrong, the hint how to fix it. Nothing was written. */
public class InvalidInputException extends DiffoAdminException {
    public InvalidInputException(String message, String hint) {
        super(message, hint);
    }
}
