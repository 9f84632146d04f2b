#!/usr/bin/env node
// A TypeScript SDK v2 MCP server over Streamable HTTP, for the jmcp client to connect to.
// Same surface as interop/ts-server-http.mjs (SDK v1), built on @modelcontextprotocol/server 2.4
// and the Node adapter @modelcontextprotocol/node 2.1.
//
//   node interop/ts-server-http-v2.mjs PORT  -> http://localhost:PORT/mcp
//
// Served with createMcpHandler: 2026-07-28 requests (per-request `_meta` envelope, server/discover)
// on the modern path, 2025-era requests (initialize handshake) by the SDK's stateless legacy
// fallback (no Mcp-Session-Id; GET/DELETE answer 405). One server instance per HTTP request, from
// one factory for both eras.
//
// Tools: echo {message}, add {a, b}, fail (isError result), slow_progress (3 progress
// notifications); resource interop://greeting; prompt greet {name}. Prints "listening URL" on
// stdout once it accepts connections. Stops on SIGTERM/SIGINT.
import { McpServer } from '@modelcontextprotocol/server';
import { portArgument, serveOverHttp } from './lib/v2-http.mjs';
import * as z from 'zod';

const port = portArgument('ts-server-http-v2.mjs PORT');

function newServer() {
  const server = new McpServer({ name: 'jmcp-interop-ts-server-v2', version: '1.0.0' }, { capabilities: { logging: {} } });
  server.registerTool('echo', { description: 'Echoes the message back', inputSchema: z.object({ message: z.string() }) },
    async ({ message }) => ({ content: [{ type: 'text', text: `Echo: ${message}` }] }));
  server.registerTool('add', { description: 'Adds two numbers', inputSchema: z.object({ a: z.number(), b: z.number() }) },
    async ({ a, b }) => ({ content: [{ type: 'text', text: String(a + b) }], structuredContent: { sum: a + b } }));
  server.registerTool('fail', { description: 'Always returns an error result' },
    async () => ({ isError: true, content: [{ type: 'text', text: 'This tool always fails' }] }));
  server.registerTool('slow_progress', { description: 'Sends 3 progress notifications, then answers' },
    async (ctx) => {
      const token = ctx.mcpReq._meta?.progressToken;
      for (let i = 1; i <= 3; i++) {
        await new Promise((r) => setTimeout(r, 50));
        if (token !== undefined) {
          await ctx.mcpReq.notify({ method: 'notifications/progress', params: { progressToken: token, progress: i, total: 3 } });
        }
      }
      return { content: [{ type: 'text', text: 'done' }] };
    });
  server.registerResource('greeting', 'interop://greeting', { description: 'A static greeting', mimeType: 'text/plain' },
    async (uri) => ({ contents: [{ uri: uri.href, mimeType: 'text/plain', text: 'Hello from the TypeScript server' }] }));
  server.registerPrompt('greet', { description: 'Greets someone', argsSchema: z.object({ name: z.string() }) },
    ({ name }) => ({ messages: [{ role: 'user', content: { type: 'text', text: `Say hello to ${name}` } }] }));
  return server;
}

serveOverHttp('ts-server-http-v2', port, newServer);
