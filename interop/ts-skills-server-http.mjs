#!/usr/bin/env node
// The Skills extension's reference TypeScript SDK (@olaservo/ext-skills, SEP-2640) serving a folder of
// SKILL.md packages over Streamable HTTP, for the jmcp client to read (SkillsInteropTest).
//
//   node interop/ts-skills-server-http.mjs PORT SKILLS_DIR  -> http://localhost:PORT/mcp
//
// Built on @modelcontextprotocol/server 2.x with createMcpHandler: 2026-07-28 requests on the modern path,
// 2025-era requests (initialize) by the SDK's stateless legacy fallback. Declares directoryRead. Prints
// "listening URL" once it accepts connections; stops on SIGTERM/SIGINT.
import { McpServer } from '@modelcontextprotocol/server';
import { serveOverHttp } from './lib/v2-http.mjs';
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

serveOverHttp('ts-skills-server-http', port, newServer);
