#!/usr/bin/env node
// TypeScript SDK client -> MCP server over Streamable HTTP.
//
//   node interop/ts-client-http.mjs [--sdk v1|v2] [--era legacy|auto|2026-07-28]
//        [--profile auto|conformance|everything] [--] URL
//
// Exits 0 only if every check passed; prints one line per check and `N passed, M failed`.
import { parseArgs, runInterop } from './lib/checks.mjs';

const { opts, rest } = parseArgs(process.argv.slice(2), { sdk: 'v1', era: '', profile: 'auto' });
if (rest.length !== 1) {
  console.error('usage: ts-client-http.mjs [--sdk v1|v2] [--era E] [--profile P] [--] URL');
  process.exit(2);
}
const failed = await runInterop({
  sdk: opts.sdk,
  era: opts.era,
  profile: opts.profile === 'auto' ? undefined : opts.profile,
  label: `ts-client-http -> ${rest[0]}`,
  makeTransport: (sdk) => new sdk.StreamableHTTPClientTransport(new URL(rest[0])),
});
process.exit(failed === 0 ? 0 : 1);
