// Minimal conformance client built on the TypeScript SDK v1, used only to exercise the
// conformance harness without the Java side (docs/ci.md, "Self-test"). Handles the core
// scenarios; everything else just connects, which is enough to produce failures to judge.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';

const url = process.argv[process.argv.length - 1];
const scenario = process.env.MCP_CONFORMANCE_SCENARIO ?? '';
const client = new Client({ name: 'jmcp-ci-selftest', version: '0.0.0' }, { capabilities: { elicitation: {} } });
client.setRequestHandler(ElicitRequestSchema, async (req) => {
  const content = {};
  for (const [k, v] of Object.entries(req.params.requestedSchema?.properties ?? {})) if ('default' in v) content[k] = v.default;
  return { action: 'accept', content };
});
const timer = setTimeout(() => { console.error('selftest client: 20s timeout'); process.exit(2); }, 20000);
try {
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  if (scenario !== 'initialize') {
    const { tools } = await client.listTools();
    if (scenario === 'tools_call') await client.callTool({ name: 'add_numbers', arguments: { a: 5, b: 3 } });
    else if (tools[0]) await client.callTool({ name: tools[0].name, arguments: {} });
  }
  await client.close();
  clearTimeout(timer);
} catch (e) {
  console.error(`selftest client: ${e?.message ?? e}`);
  process.exit(1);
}
