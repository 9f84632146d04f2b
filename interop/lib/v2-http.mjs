// Serves a TypeScript SDK v2 McpServer (@modelcontextprotocol/server 2.x) over Streamable HTTP on
// 127.0.0.1 with the Node adapter (@modelcontextprotocol/node), for the interop servers that jmcp
// clients connect to (ts-server-http-v2.mjs, ts-skills-server-http.mjs, ts-apps-server-http.mjs).
//
// createMcpHandler serves 2026-07-28 requests on the modern path and 2025-era requests (initialize)
// by the SDK's stateless legacy fallback (no Mcp-Session-Id; GET/DELETE answer 405), with one server
// instance per HTTP request from `newServer`. Only /mcp is served, with the SDK's localhost Host and
// Origin validation. Prints "listening URL" once it accepts connections; stops on SIGTERM/SIGINT.
import { createServer } from 'node:http';
import { localhostHostValidation, localhostOriginValidation, toNodeHandler } from '@modelcontextprotocol/node';
import { createMcpHandler } from '@modelcontextprotocol/server';

/** Parses the PORT argument (the first after the script) or exits with the usage line. */
export function portArgument(usage) {
  const port = Number(process.argv[2]);
  if (!Number.isInteger(port) || port <= 0) {
    console.error(`usage: ${usage}`);
    process.exit(2);
  }
  return port;
}

/**
 * Serves `newServer()` at http://localhost:PORT/mcp until SIGTERM/SIGINT.
 *
 * @param {string} name prefix of the error lines written to stderr
 * @param {number} port the loopback port to listen on
 * @param {() => import('@modelcontextprotocol/server').McpServer} newServer a fresh server per request
 */
export function serveOverHttp(name, port, newServer) {
  const onerror = (e) => console.error(`${name}:`, e?.message ?? e);
  const mcp = createMcpHandler(() => newServer(), { onerror });
  const serve = toNodeHandler(mcp, { onerror });
  const validateHost = localhostHostValidation();
  const validateOrigin = localhostOriginValidation();

  const reject = (res, status, message) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
  };

  const http = createServer(async (req, res) => {
    try {
      if (!validateHost(req, res) || !validateOrigin(req, res)) return;
      const path = new URL(req.url, 'http://localhost').pathname;
      if (path !== '/mcp') return reject(res, 404, 'Not found');
      await serve(req, res);
    } catch (e) {
      onerror(e);
      if (!res.headersSent) reject(res, 500, 'Internal error');
    }
  });

  const shutdown = async () => {
    await mcp.close().catch(() => {});
    http.closeAllConnections?.();
    http.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);

  http.listen(port, '127.0.0.1', () => console.log(`listening http://localhost:${port}/mcp`));
}
