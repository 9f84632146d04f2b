package dev.jmcp.spring.boot.autoconfigure;

import dev.jmcp.server.McpTool;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** A Boot application the stdio tests launch as a subprocess (with {@code --jmcp.server.transport=stdio}). */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(StdioBootApp.Tools.class)
public class StdioBootApp {

    /** The handlers: one tool that prints to stdout, which must not reach the protocol stream. */
    public static class Tools {
        @McpTool(description = "Greets, printing and logging on the way")
        public String greet(String name) {
            System.out.println("a stray print from the greet tool");
            LoggerFactory.getLogger(StdioBootApp.class).info("greeting {}", name);
            return "hello " + name + " from pid " + ProcessHandle.current().pid();
        }
    }

    /** Runs the application. */
    public static void main(String[] args) {
        SpringApplication.run(StdioBootApp.class, args);
    }
}
