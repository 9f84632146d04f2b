#!/usr/bin/env node
// The Skills extension's reference TypeScript SDK (@olaservo/ext-skills, SEP-2640) serving a folder of
// SKILL.md packages over Streamable HTTP, for the jmcp client to read (SkillsInteropTest).
//
//   node interop/ts-skills-server-http.mjs PORT SKILLS_DIR  -> http://localhost:PORT/mcp
//
// Built on @modelcontextprotocol/server 2.x with createMcpHandler: 2026-07-28 requests on the modern path,
// 2025-era requests (initialize) by the SDK's stateless legacy fallback. Declares directoryRead. Prints
// "listening URL" once it accepts connections; stops on SIGTERM/SIGINT.
import { createServer } from 'node:http';
import { localhostHostValidation, localhostOriginValidation, toNodeHandler } from '@modelcontextprotocol/node';
import { createMcpHandler, McpServer } from '@modelcontextprotocol/server';
import { discoverSkills, registerSkillResources } from '@olaservo/ext-skills/server';

const port = Number(process.argv[2]);
const dir = process.argv[3];
if (!Number.isInteger(port) || port <= 0 || !dir) {
  console.error('usage: ts-skills-server-http.mjs PORT SKILLS_DIR');
  process.exit(2);
}
const skillMap = discoverSkills(dir);

function newServer() {
  const server = new McpServer({ name: 'jmcp-interop-ts-skills', version: '1.0.0' }, { capabilities: { resources: {} } });
  registerSkillResources(server, skillMap, dir, { directoryRead: true, ttlMs: 1000, cacheScope: 'public' });
  return server;
}

const onerror = (e) => console.error('ts-skills-server-http:', e?.message ?? e);
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
