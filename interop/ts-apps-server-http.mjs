#!/usr/bin/env node
// An MCP Apps server built with the TypeScript SDKs (@modelcontextprotocol/server 2.x and the Apps SDK's server
// helpers registerAppTool/registerAppResource, @modelcontextprotocol/ext-apps), for the jmcp client to read
// (AppsInteropTest): a tool "show_clock" with a view ui://clock/view.html (CSP connect domain, clipboard-write
// permission, a border preference), and an app-only tool "tick".
//
//   node interop/ts-apps-server-http.mjs PORT  -> http://localhost:PORT/mcp
//
// Prints "listening URL" once it accepts connections; stops on SIGTERM/SIGINT.
import { McpServer } from '@modelcontextprotocol/server';
import { portArgument, serveOverHttp } from './lib/v2-http.mjs';
import { registerAppResource, registerAppTool, RESOURCE_MIME_TYPE } from '@modelcontextprotocol/ext-apps/server';

const port = portArgument('ts-apps-server-http.mjs PORT');
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

serveOverHttp('ts-apps-server-http', port, newServer);
