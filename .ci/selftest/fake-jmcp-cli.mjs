// Stand-in for the jmcp CLI client (`jmcp-examples.jar client`), built on the TypeScript SDK v1,
// used only to exercise interop/jmcp-cli-checks.sh before the Java CLI exists. It implements the
// command line that script assumes:
//   (--stdio "CMD" | --http URL) (tools list | tools call NAME [--args JSON] | resources list
//   | prompts get NAME [--args JSON]) [--json]
// Prints the result as JSON; exits 1 on an isError tool result or any error.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const argv = process.argv.slice(2).filter((a) => a !== '--json');
const [mode, target, group, verb, ...rest] = argv;
const argsIdx = rest.indexOf('--args');
const args = argsIdx >= 0 ? JSON.parse(rest[argsIdx + 1]) : undefined;
const name = rest[0] !== '--args' ? rest[0] : undefined;
const transport = mode === '--stdio'
  ? new StdioClientTransport({ command: 'bash', args: ['-c', `exec ${target}`], stderr: 'ignore' })
  : new StreamableHTTPClientTransport(new URL(target));
const client = new Client({ name: 'fake-jmcp-cli', version: '0' });
let rc = 0;
try {
  await client.connect(transport);
  let out;
  if (group === 'tools' && verb === 'list') out = await client.listTools();
  else if (group === 'tools' && verb === 'call') { out = await client.callTool({ name, arguments: args }); if (out.isError) rc = 1; }
  else if (group === 'resources' && verb === 'list') out = await client.listResources();
  else if (group === 'prompts' && verb === 'get') out = await client.getPrompt({ name, arguments: args });
  else throw new Error(`unsupported: ${group} ${verb}`);
  console.log(JSON.stringify(out, null, 2));
} catch (e) { console.error(String(e?.message ?? e)); rc = 1; }
await client.close().catch(() => {});
process.exit(rc);
