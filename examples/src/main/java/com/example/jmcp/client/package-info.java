/**
 * Clients: {@code client} commands to use any MCP server from a terminal, and {@code client conformance}, the client
 * the official conformance suite drives.
 */
package com.example.jmcp.client;
