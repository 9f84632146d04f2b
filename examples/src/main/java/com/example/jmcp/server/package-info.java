/**
 * Example servers: the conformance everything-server, a notes server and a typed-tool server, each runnable over
 * stdio or Streamable HTTP ({@code server NAME --stdio | --http PORT}).
 */
package com.example.jmcp.server;
