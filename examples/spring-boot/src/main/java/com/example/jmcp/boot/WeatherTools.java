package com.example.jmcp.boot;

import dev.jmcp.server.McpParam;
import dev.jmcp.server.McpPrompt;
import dev.jmcp.server.McpResource;
import dev.jmcp.server.McpTool;
import org.springframework.stereotype.Component;

/**
 * The MCP handlers: a plain Spring bean whose annotated methods become tools, a resource and a prompt, with its
 * dependencies injected as usual.
 */
@Component
public class WeatherTools {
    private final Forecasts forecasts;

    /**
     * Handlers using {@code forecasts}.
     *
     * @param forecasts the forecasts
     */
    public WeatherTools(Forecasts forecasts) {
        this.forecasts = forecasts;
    }

    /**
     * Today's weather, as a sentence.
     *
     * @param city the city, by name (e.g. Oslo)
     * @return today's weather, as a sentence
     */
    @McpTool(description = "Today's weather in a city, as a sentence", readOnly = true, openWorld = false)
    public String weather(@McpParam(description = "The city, e.g. Oslo") String city) {
        Forecast f = forecasts.today(city);
        return "Today in " + f.city() + ": " + f.sky() + ", " + f.celsius() + " °C";
    }

    /**
     * Today's forecast, as structured content.
     *
     * @param city the city, by name (e.g. Oslo)
     * @return today's forecast, as structured content
     */
    @McpTool(description = "Today's forecast for a city, as structured data", readOnly = true, openWorld = false)
    public Forecast forecast(@McpParam(description = "The city, e.g. Rome") String city) {
        return forecasts.today(city);
    }

    /**
     * The cities with forecasts.
     *
     * @return the cities with forecasts
     */
    @McpResource(uri = "weather://cities", description = "The cities with a forecast", mimeType = "text/plain")
    public String cities() {
        return forecasts.cities();
    }

    /**
     * A prompt asking to plan a day around the weather.
     *
     * @param city the city, by name (e.g. Oslo)
     * @return a prompt asking to plan a day around the weather
     */
    @McpPrompt(name = "plan_day", description = "Plan a day in a city around its weather")
    public String planDay(@McpParam(description = "The city") String city) {
        return "Plan a day in " + city + ". First call the weather tool for " + city + ".";
    }
}
