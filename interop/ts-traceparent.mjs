#!/usr/bin/env node
// TypeScript SDK client sends W3C trace context in a tools/call's params._meta (as the TS SDK does when an
// application's OpenTelemetry instrumentation injects it), against a jmcp server over Streamable HTTP.
// Run by mcp-opentelemetry's TypeScriptTraceparentTest, which checks that the server's span is the child of it.
//
//   node interop/ts-traceparent.mjs [--sdk v1|v2] [--era legacy|2026-07-28] [--] URL TOOL TRACEPARENT TRACESTATE BAGGAGE
//
// Prints the tool's first text content on one line and exits 0, or prints the error and exits 1.
import { parseArgs } from './lib/checks.mjs';
import { loadSdk } from './lib/sdk.mjs';

const { opts, rest } = parseArgs(process.argv.slice(2), { sdk: 'v1', era: '', profile: 'auto' });
if (rest.length !== 5) {
  console.error('usage: ts-traceparent.mjs [--sdk v1|v2] [--era E] [--] URL TOOL TRACEPARENT TRACESTATE BAGGAGE');
  process.exit(2);
}
const [url, tool, traceparent, tracestate, baggage] = rest;
const sdk = await loadSdk(opts.sdk);
const client = new sdk.Client({ name: `jmcp-traceparent-ts-${sdk.version}`, version: '1.0.0' }, sdk.clientOptions(opts.era));
try {
  await client.connect(new sdk.StreamableHTTPClientTransport(new URL(url)));
  const result = await sdk.callTool(
    client,
    { name: tool, arguments: {}, _meta: { traceparent, tracestate, baggage } },
    { timeout: 30000 },
  );
  const text = (result.content ?? []).find((c) => c.type === 'text')?.text ?? '';
  console.log(`result: ${text}`);
  await client.close();
  process.exit(result.isError ? 1 : 0);
} catch (e) {
  console.error(`failed: ${e?.stack ?? e}`);
  process.exit(1);
}
