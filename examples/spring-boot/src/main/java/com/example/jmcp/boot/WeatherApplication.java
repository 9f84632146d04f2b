package com.example.jmcp.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An MCP server as an ordinary Spring Boot application: {@code mcp-spring-boot-starter} builds the server from the
 * annotated beans ({@link WeatherTools}) and serves it at {@code http://host:8080/mcp} in the embedded Tomcat;
 * {@code --jmcp.server.transport=stdio} serves stdin/stdout for desktop hosts instead.
 */
@SpringBootApplication
public class WeatherApplication {

    /** Created by Spring. */
    public WeatherApplication() {}

    /**
     * Starts the application.
     *
     * @param args the args
     */
    public static void main(String[] args) {
        SpringApplication.run(WeatherApplication.class, args);
    }
}
