#!/usr/bin/env node
// TypeScript SDK client -> MCP server over stdio (launches the server command).
//
//   node interop/ts-client-stdio.mjs [--sdk v1|v2] [--era legacy|auto|2026-07-28]
//        [--profile auto|conformance|everything] [--] CMD [ARGS...]
//
// Exits 0 only if every check passed; prints one line per check and `N passed, M failed`.
import { parseArgs, runInterop } from './lib/checks.mjs';

const { opts, rest } = parseArgs(process.argv.slice(2), { sdk: 'v1', era: '', profile: 'auto' });
if (rest.length === 0) {
  console.error('usage: ts-client-stdio.mjs [--sdk v1|v2] [--era E] [--profile P] [--] CMD [ARGS...]');
  process.exit(2);
}
const [command, ...args] = rest;
const failed = await runInterop({
  sdk: opts.sdk,
  era: opts.era,
  profile: opts.profile === 'auto' ? undefined : opts.profile,
  label: `ts-client-stdio -> ${rest.join(' ')}`,
  makeTransport: (sdk) => new sdk.StdioClientTransport({ command, args, stderr: 'inherit' }),
});
process.exit(failed === 0 ? 0 : 1);
