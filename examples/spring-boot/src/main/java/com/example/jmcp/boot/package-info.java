/** An example Spring Boot application serving MCP with {@code mcp-spring-boot-starter}. */
package com.example.jmcp.boot;
