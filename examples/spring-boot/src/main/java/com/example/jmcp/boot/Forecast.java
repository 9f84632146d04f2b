package com.example.jmcp.boot;

/**
 * A forecast; returned from a tool it is sent as {@code structuredContent} with a generated {@code outputSchema}.
 *
 * @param city the city
 * @param sky the sky, e.g. {@code sunny}
 * @param celsius the temperature in degrees Celsius
 */
public record Forecast(String city, String sky, double celsius) {}
