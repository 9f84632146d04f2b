#!/usr/bin/env node
// A host built on the MCP Apps TypeScript SDK (@modelcontextprotocol/ext-apps, SEP-1865) reading a jmcp server's
// app tools and views over Streamable HTTP: declares io.modelcontextprotocol/ui, lists the tools, finds each tool's
// view with the SDK's host helpers (getToolUiResourceUri, isToolVisibilityAppOnly), reads every view, validates its
// _meta.ui with the SDK's McpUiResourceMetaSchema and builds the iframe allow attribute from its permissions. Prints
// one JSON line and exits 0; any failure exits 1 with the error on stderr. Used by AppsInteropTest.
//
//   node interop/ts-apps-host-http.mjs URL [auto|legacy]
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { getToolUiResourceUri, isToolVisibilityAppOnly, buildAllowAttribute } from '@modelcontextprotocol/ext-apps/app-bridge';
import { McpUiResourceMetaSchema, McpUiToolMetaSchema, RESOURCE_MIME_TYPE } from '@modelcontextprotocol/ext-apps';
import { EXTENSION_ID } from '@modelcontextprotocol/ext-apps/server';

const url = process.argv[2];
const era = process.argv[3] ?? 'auto';
const client = new Client(
  { name: 'jmcp-interop-ts-apps-host', version: '1.0.0' },
  {
    capabilities: { extensions: { [EXTENSION_ID]: { mimeTypes: [RESOURCE_MIME_TYPE] } } },
    versionNegotiation: { mode: era === 'legacy' ? 'legacy' : 'auto' },
  });
try {
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  const declared = client.getServerCapabilities()?.extensions?.[EXTENSION_ID] !== undefined;
  const { tools } = await client.listTools();
  const out = { declared, tools: {}, views: {} };
  for (const tool of tools) {
    const uri = getToolUiResourceUri(tool);
    if (!uri) continue;
    McpUiToolMetaSchema.parse(tool._meta.ui);
    out.tools[tool.name] = { uri, appOnly: isToolVisibilityAppOnly(tool) };
    if (out.views[uri]) continue;
    const read = await client.readResource({ uri });
    const item = read.contents[0];
    const meta = McpUiResourceMetaSchema.parse(item._meta?.ui ?? {});
    out.views[uri] = {
      mimeType: item.mimeType,
      htmlChars: item.text.length,
      connectDomains: meta.csp?.connectDomains ?? [],
      allow: buildAllowAttribute(meta.permissions),
      prefersBorder: meta.prefersBorder,
    };
  }
  console.log(JSON.stringify(out));
  await client.close();
  process.exit(0);
} catch (e) {
  console.error('ts-apps-host-http:', e?.stack ?? e);
  process.exit(1);
}
