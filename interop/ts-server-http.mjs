#!/usr/bin/env node
// A TypeScript SDK (v1) MCP server over Streamable HTTP, for the jmcp client to connect to.
//
//   node interop/ts-server-http.mjs PORT     -> http://127.0.0.1:PORT/mcp (stateful sessions)
//
// Tools: echo {message}, add {a, b}, fail (isError result), slow_progress (3 progress
// notifications); resource interop://greeting; prompt greet {name}. Prints "listening URL" on
// stdout once it accepts connections. Stops on SIGTERM/SIGINT, on stdin EOF is not watched.
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod';

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) {
  console.error('usage: ts-server-http.mjs PORT');
  process.exit(2);
}

function newServer() {
  const server = new McpServer({ name: 'jmcp-interop-ts-server', version: '1.0.0' }, { capabilities: { logging: {} } });
  server.registerTool('echo', { description: 'Echoes the message back', inputSchema: { message: z.string() } },
    async ({ message }) => ({ content: [{ type: 'text', text: `Echo: ${message}` }] }));
  server.registerTool('add', { description: 'Adds two numbers', inputSchema: { a: z.number(), b: z.number() } },
    async ({ a, b }) => ({ content: [{ type: 'text', text: String(a + b) }], structuredContent: { sum: a + b },
    }));
  server.registerTool('fail', { description: 'Always returns an error result' },
    async () => ({ isError: true, content: [{ type: 'text', text: 'This tool always fails' }] }));
  server.registerTool('slow_progress', { description: 'Sends 3 progress notifications, then answers' },
    async (extra) => {
      const token = extra._meta?.progressToken;
      for (let i = 1; i <= 3; i++) {
        await new Promise((r) => setTimeout(r, 50));
        if (token !== undefined) await extra.sendNotification({ method: 'notifications/progress', params: { progressToken: token, progress: i, total: 3 } });
      }
      return { content: [{ type: 'text', text: 'done' }] };
    });
  server.registerResource('greeting', 'interop://greeting', { description: 'A static greeting', mimeType: 'text/plain' },
    async (uri) => ({ contents: [{ uri: uri.href, mimeType: 'text/plain', text: 'Hello from the TypeScript server' }] }));
  server.registerPrompt('greet', { description: 'Greets someone', argsSchema: { name: z.string() } },
    ({ name }) => ({ messages: [{ role: 'user', content: { type: 'text', text: `Say hello to ${name}` } }] }));
  return server;
}

const sessions = new Map(); // session id -> transport

async function readJson(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  const body = Buffer.concat(chunks).toString('utf8');
  return body ? JSON.parse(body) : undefined;
}

function reject(res, status, message) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
}

const http = createServer(async (req, res) => {
  try {
    const path = new URL(req.url, 'http://localhost').pathname;
    if (path !== '/mcp') return reject(res, 404, 'Not found');
    const sid = req.headers['mcp-session-id'];
    if (req.method === 'POST') {
      const body = await readJson(req);
      if (sid && sessions.has(sid)) return await sessions.get(sid).handleRequest(req, res, body);
      if (!sid && isInitializeRequest(body)) {
        const transport = new StreamableHTTPServerTransport({
          sessionIdGenerator: () => randomUUID(),
          onsessioninitialized: (id) => sessions.set(id, transport),
        });
        transport.onclose = () => { if (transport.sessionId) sessions.delete(transport.sessionId); };
        await newServer().connect(transport);
        return await transport.handleRequest(req, res, body);
      }
      return reject(res, 400, 'Bad Request: no valid session ID');
    }
    if ((req.method === 'GET' || req.method === 'DELETE') && sid && sessions.has(sid)) {
      return await sessions.get(sid).handleRequest(req, res);
    }
    return reject(res, sid ? 404 : 400, 'Invalid or missing session ID');
  } catch (e) {
    console.error('ts-server-http:', e);
    if (!res.headersSent) reject(res, 500, 'Internal error');
  }
});

const shutdown = async () => {
  for (const t of sessions.values()) await t.close().catch(() => {});
  http.closeAllConnections?.();
  http.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

http.listen(port, '127.0.0.1', () => console.log(`listening http://localhost:${port}/mcp`));
