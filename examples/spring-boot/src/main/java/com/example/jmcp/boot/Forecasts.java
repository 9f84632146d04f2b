package com.example.jmcp.boot;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/** An ordinary Spring service the MCP handlers use (canned data: the example needs no network). */
@Service
public class Forecasts {
    private static final Map<String, Forecast> TODAY = Map.of(
            "oslo", new Forecast("Oslo", "snow", -3.5),
            "rome", new Forecast("Rome", "sunny", 16.0),
            "lima", new Forecast("Lima", "cloudy", 22.5));

    /** Created by Spring. */
    public Forecasts() {}

    /**
     * Today's forecast for {@code city}; an unknown city gets a mild default.
     *
     * @param city the city
     * @return today's forecast for {@code city}; an unknown city gets a mild default
     */
    public Forecast today(String city) {
        return TODAY.getOrDefault(city.toLowerCase(Locale.ROOT), new Forecast(city, "mild", 12.0));
    }

    /**
     * The cities with a forecast of their own.
     *
     * @return the cities with a forecast of their own
     */
    public String cities() {
        return "Lima, Oslo, Rome";
    }
}
