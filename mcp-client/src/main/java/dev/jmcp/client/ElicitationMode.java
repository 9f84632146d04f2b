package dev.jmcp.client;

/** A mode of {@code elicitation/create} the client serves and declares under {@code elicitation}. */
public enum ElicitationMode {
    /** The server sends a JSON schema; the client asks the user and answers with the filled form. */
    FORM,
    /** The server sends a URL for the user to open (2025-11-25 and later); the client answers with consent. */
    URL
}
