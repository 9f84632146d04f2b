/** Implementation of the jmcp Spring Boot auto-configuration; not an API. */
package dev.jmcp.spring.boot.autoconfigure.internal;
