// The interop checks a TypeScript SDK client runs against an MCP server, shared by
// ts-client-stdio.mjs and ts-client-http.mjs.
//
// Target profiles (tool, resource and prompt names differ):
//   conformance - jmcp's conformance everything-server (names from the conformance suite)
//   everything  - @modelcontextprotocol/server-everything (the TypeScript reference server)
//   ts-server   - interop/ts-server-http.mjs
//   typed       - jmcp's annotated typed-tools example (`server typed`, see annotated.mjs)
//   files       - jmcp's annotated files example (`server files --root DIR`, see annotated.mjs)
//   boot        - jmcp's Spring Boot example (examples/spring-boot, see boot.mjs)
// The default, auto, picks by listing tools. A profile leaves out a standard check by setting
// it to null (simpleText, progress, error, resource, prompt) and adds its own with `extra`.
import { ANNOTATED_PROFILES } from './annotated.mjs';
import { BOOT_PROFILES } from './boot.mjs';
import { loadSdk } from './sdk.mjs';

const CHECK_TIMEOUT_MS = 20_000;

/** Parses `[--opt value]... rest...`; `--` ends the options. */
export function parseArgs(argv, defaults) {
  const opts = { ...defaults };
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { i++; break; }
    if (!a.startsWith('--')) break;
    const key = a.slice(2);
    if (!(key in defaults)) throw new Error(`unknown option ${a}`);
    opts[key] = argv[++i];
  }
  return { opts, rest: argv.slice(i) };
}

const PROFILES = {
  conformance: {
    marker: 'test_simple_text',
    requiredTools: ['test_simple_text', 'test_tool_with_progress', 'test_error_handling'],
    simpleText: { name: 'test_simple_text' }, // called without `arguments`
    // The reference sends 3 notifications, the last one right before the result. The TS SDK
    // dispatches notifications a microtask late and drops the progress handler when the response
    // is processed, so a last notification arriving in the same read as the result can be lost
    // on the client side: ask for 2.
    progress: { name: 'test_tool_with_progress', arguments: {}, min: 2 },
    error: { name: 'test_error_handling', arguments: {} },
    logging: { name: 'test_tool_with_logging', arguments: {}, min: 3 },
    sampling: { name: 'test_sampling', arguments: { prompt: 'Test prompt for sampling' } },
    elicitation: { name: 'test_elicitation', arguments: { message: 'Please provide your information' } },
    resource: 'test://static-text',
    prompt: { name: 'test_simple_prompt' },
  },
  everything: {
    marker: 'trigger-long-running-operation',
    requiredTools: ['echo', 'trigger-long-running-operation'],
    simpleText: { name: 'echo', arguments: { message: 'interop' }, expect: 'interop' },
    progress: { name: 'trigger-long-running-operation', arguments: { duration: 0.4, steps: 4 }, min: 3 },
    error: { name: 'no-such-tool-for-interop', arguments: {} },
    logging: null,
    sampling: { name: 'trigger-sampling-request', arguments: { prompt: 'interop', maxTokens: 10 } },
    elicitation: null,
    resource: null, // first listed resource
    prompt: { name: 'simple-prompt' },
  },
  // interop/ts-server-http.mjs (lets the scripts test each other)
  'ts-server': {
    marker: 'slow_progress',
    requiredTools: ['echo', 'add', 'fail', 'slow_progress'],
    simpleText: { name: 'echo', arguments: { message: 'interop' }, expect: 'interop' },
    progress: { name: 'slow_progress', arguments: {}, min: 2 },
    error: { name: 'fail', arguments: {} },
    logging: null,
    sampling: null,
    elicitation: null,
    resource: 'interop://greeting',
    prompt: { name: 'greet', arguments: { name: 'jmcp' } },
  },
  ...ANNOTATED_PROFILES,
  ...BOOT_PROFILES,
};

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

function firstText(result) {
  const item = (result?.content ?? []).find((c) => c.type === 'text');
  return item?.text ?? '';
}

/**
 * Connects with the given SDK and transport factory, runs every check, prints one line per
 * check and `N passed, M failed`, and returns the number of failed checks.
 * @param {{sdk: 'v1'|'v2', era?: string, profile: string, label: string,
 *          makeTransport: (sdk) => object}} cfg
 */
export async function runInterop(cfg) {
  const sdk = await loadSdk(cfg.sdk);
  const results = [];
  const check = async (name, fn) => {
    try {
      const detail = await withTimeout(Promise.resolve().then(fn), CHECK_TIMEOUT_MS, name);
      results.push(true);
      console.log(`  ok   ${name}${detail ? ` - ${detail}` : ''}`);
    } catch (e) {
      results.push(false);
      console.log(`  FAIL ${name} - ${e?.message ?? e}`);
    }
  };

  const client = new sdk.Client(
    { name: `jmcp-interop-ts-${sdk.version}`, version: '1.0.0' },
    { capabilities: { sampling: {}, elicitation: {} }, ...sdk.clientOptions(cfg.era) },
  );
  const logMessages = [];
  let samplingRequests = 0;
  let elicitationRequests = 0;
  sdk.onNotification(client, 'notifications/message', (n) => { logMessages.push(n.params); });
  sdk.onRequest(client, 'sampling/createMessage', async () => {
    samplingRequests++;
    return { role: 'assistant', content: { type: 'text', text: 'interop sampling reply' }, model: 'interop-model', stopReason: 'endTurn' };
  });
  sdk.onRequest(client, 'elicitation/create', async () => {
    elicitationRequests++;
    return { action: 'accept', content: { username: 'interop', email: 'interop@example.com' } };
  });

  console.log(`${cfg.label} (TypeScript SDK ${sdk.version}${cfg.era ? `, era ${cfg.era}` : ''})`);
  let connected = false;
  let stateless = false; // 2026-07-28: no ping, no logging/setLevel (the log level travels in _meta)
  await check('initialize', async () => {
    await client.connect(cfg.makeTransport(sdk));
    connected = true;
    const info = client.getServerVersion();
    assert(info?.name && info?.version, `serverInfo lacks name/version: ${JSON.stringify(info)}`);
    assert(client.getServerCapabilities()?.tools, 'server does not declare tools');
    const negotiated = client.getNegotiatedProtocolVersion?.() ?? client.transport?.protocolVersion;
    if (cfg.era && cfg.era !== 'legacy' && cfg.era !== 'auto') assert(negotiated === cfg.era, `negotiated ${negotiated}, want ${cfg.era}`);
    stateless = negotiated === '2026-07-28';
    return `${info.name} ${info.version}${negotiated ? `, protocol ${negotiated}` : ''}`;
  });
  if (!connected) return finish(results, client);

  let profile = PROFILES[cfg.profile];
  let tools = [];
  await check('tools/list', async () => {
    ({ tools } = await client.listTools());
    if (!profile) {
      const names = new Set(tools.map((t) => t.name));
      const found = Object.entries(PROFILES).find(([, p]) => names.has(p.marker));
      assert(found, `cannot tell the target profile from tools: ${[...names].join(', ')}`);
      profile = found[1];
      cfg.profile = found[0];
    }
    for (const t of profile.requiredTools) assert(tools.some((x) => x.name === t), `missing tool ${t}`);
    for (const t of tools) assert(t.inputSchema?.type === 'object', `${t.name}: inputSchema.type is not "object"`);
    return `${tools.length} tools, profile ${cfg.profile}`;
  });
  if (!profile) return finish(results, client);

  if (!stateless) await check('ping', async () => { await client.ping(); });

  if (profile.simpleText) await check(`tools/call ${profile.simpleText.name}`, async () => {
    const r = await client.callTool(profile.simpleText);
    const text = firstText(r);
    assert(!r.isError, `isError: ${text}`);
    assert(text.length > 0, 'no text content');
    if (profile.simpleText.expect) assert(text.includes(profile.simpleText.expect), `unexpected text: ${text}`);
    return JSON.stringify(text.slice(0, 60));
  });

  if (profile.progress) await check(`tools/call ${profile.progress.name} with progress`, async () => {
    const seen = [];
    const r = await sdk.callTool(
      client,
      { name: profile.progress.name, arguments: profile.progress.arguments },
      { onprogress: (p) => seen.push(p.progress), timeout: CHECK_TIMEOUT_MS },
    );
    assert(!r.isError, `isError: ${firstText(r)}`);
    assert(seen.length >= profile.progress.min, `${seen.length} progress notifications before the result (${seen.join(", ")}), want >= ${profile.progress.min}`);
    for (let i = 1; i < seen.length; i++) assert(seen[i] >= seen[i - 1], `progress decreased: ${seen.join(', ')}`);
    return `progress ${seen.join(', ')}`;
  });

  if (profile.error) await check(`tools/call ${profile.error.name} is an error`, async () => {
    let r;
    try {
      r = await client.callTool(profile.error);
    } catch (e) {
      // Unknown tools may legitimately be a JSON-RPC error (-32602) instead of an isError result.
      if (cfg.profile === 'everything' && e?.code === -32602) return `JSON-RPC error ${e.code}`;
      throw e;
    }
    assert(r.isError === true, `isError is ${r.isError}`);
    assert(firstText(r).length > 0, 'error result without text');
    return JSON.stringify(firstText(r).slice(0, 60));
  });

  if (profile.logging) {
    await check(`tools/call ${profile.logging.name} with logging`, async () => {
      if (!stateless) await client.setLoggingLevel('debug');
      const before = logMessages.length;
      await client.callTool(stateless
        ? { ...profile.logging, _meta: { 'io.modelcontextprotocol/logLevel': 'debug' } }
        : profile.logging);
      await new Promise((r) => setTimeout(r, 200));
      const got = logMessages.length - before;
      assert(got >= profile.logging.min, `${got} notifications/message, want >= ${profile.logging.min}`);
      return `${got} log messages`;
    });
  }

  if (profile.sampling) {
    await check(`tools/call ${profile.sampling.name} (server -> client sampling)`, async () => {
      // server-everything registers its sampling tool only after initialization.
      for (let i = 0; i < 10 && !tools.some((t) => t.name === profile.sampling.name); i++) {
        await new Promise((r) => setTimeout(r, 100));
        ({ tools } = await client.listTools());
      }
      const r = await client.callTool(profile.sampling);
      assert(!r.isError, `isError: ${firstText(r)}`);
      assert(samplingRequests > 0, 'the server sent no sampling/createMessage');
      assert(JSON.stringify(r.content).includes('interop sampling reply'), `the result does not carry the sampled text: ${JSON.stringify(r.content).slice(0, 120)}`);
      return `${samplingRequests} sampling request(s)`;
    });
  }

  if (profile.elicitation) {
    await check(`tools/call ${profile.elicitation.name} (server -> client elicitation)`, async () => {
      const r = await client.callTool(profile.elicitation);
      assert(!r.isError, `isError: ${firstText(r)}`);
      assert(elicitationRequests > 0, 'the server sent no elicitation/create');
      assert(firstText(r).length > 0, 'no text content');
      return JSON.stringify(firstText(r).slice(0, 60));
    });
  }

  if (profile.resource !== false) await check('resources/list + resources/read', async () => {
    const { resources } = await client.listResources();
    assert(resources.length > 0, 'no resources');
    const uri = profile.resource ?? resources[0].uri;
    assert(resources.some((r) => r.uri === uri), `${uri} not listed`);
    const { contents } = await client.readResource({ uri });
    assert(contents.length > 0, 'no contents');
    assert(contents[0].uri, 'contents[0] has no uri');
    assert(typeof contents[0].text === 'string' || typeof contents[0].blob === 'string', 'contents[0] has neither text nor blob');
    return `${resources.length} resources, read ${uri}`;
  });

  if (profile.prompt) await check(`prompts/list + prompts/get ${profile.prompt.name}`, async () => {
    const { prompts } = await client.listPrompts();
    assert(prompts.some((p) => p.name === profile.prompt.name), `${profile.prompt.name} not listed`);
    const r = await client.getPrompt(profile.prompt);
    assert(r.messages?.length > 0, 'no messages');
    for (const m of r.messages) assert(m.role && m.content, 'message without role/content');
    return `${r.messages.length} message(s)`;
  });

  if (profile.extra) await profile.extra({ client, sdk, check, tools, stateless, assert, firstText });

  return finish(results, client);
}

async function finish(results, client) {
  try { await withTimeout(client.close(), 5000, 'close'); } catch (e) { console.log(`  (close: ${e.message})`); }
  const passed = results.filter(Boolean).length;
  const failed = results.length - passed;
  console.log(`${passed} passed, ${failed} failed`);
  return failed;
}
