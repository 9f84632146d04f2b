#!/usr/bin/env node
// An MCP Apps server built with the TypeScript SDKs (@modelcontextprotocol/server 2.x and the Apps SDK's server
// helpers registerAppTool/registerAppResource, @modelcontextprotocol/ext-apps), for the jmcp client to read
// (AppsInteropTest): a tool "show_clock" with a view ui://clock/view.html (CSP connect domain, clipboard-write
// permission, a border preference), and an app-only tool "tick".
//
//   node interop/ts-apps-server-http.mjs PORT  -> http://localhost:PORT/mcp
//
// Prints "listening URL" once it accepts connections; stops on SIGTERM/SIGINT.
import { createServer } from 'node:http';
import { localhostHostValidation, localhostOriginValidation, toNodeHandler } from '@modelcontextprotocol/node';
import { createMcpHandler, McpServer } from '@modelcontextprotocol/server';
import { registerAppResource, registerAppTool, RESOURCE_MIME_TYPE } from '@modelcontextprotocol/ext-apps/server';

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) {
  console.error('usage: ts-apps-server-http.mjs PORT');
  process.exit(2);
}
const VIEW = 'ui://clock/view.html';
const HTML = '<!DOCTYPE html><html><body><p id="t">clock</p></body></html>';

function newServer() {
  const server = new McpServer({ name: 'jmcp-interop-ts-apps', version: '1.0.0' }, { capabilities: { resources: {}, tools: {} } });
  registerAppTool(server, 'show_clock', { description: 'Shows a clock', _meta: { ui: { resourceUri: VIEW } } },
    async () => ({ content: [{ type: 'text', text: '12:00' }], structuredContent: { time: '12:00' } }));
  registerAppTool(server, 'tick', { description: 'Advances the clock (view only)', _meta: { ui: { resourceUri: VIEW, visibility: ['app'] } } },
    async () => ({ content: [{ type: 'text', text: '12:01' }] }));
  registerAppResource(server, 'Clock', VIEW, { description: 'A clock view' },
    async () => ({
      contents: [{
        uri: VIEW,
        mimeType: RESOURCE_MIME_TYPE,
        text: HTML,
        _meta: { ui: { csp: { connectDomains: ['https://time.example'] }, permissions: { clipboardWrite: {} }, prefersBorder: true } },
      }],
    }));
  return server;
}

const onerror = (e) => console.error('ts-apps-server-http:', e?.message ?? e);
const mcp = createMcpHandler(() => newServer(), { onerror });
const serve = toNodeHandler(mcp, { onerror });
const validateHost = localhostHostValidation();
const validateOrigin = localhostOriginValidation();

function reject(res, status, message) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
}

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
