package dev.jmcp.transport.http.servlet.internal.admission;

/** The request headers the admission checks read, by case-insensitive name ({@code request::getHeader}). */
@FunctionalInterface
public interface RequestHeaders {
    /** The first value of header {@code name}, or null when absent. */
    String get(String name);
}
