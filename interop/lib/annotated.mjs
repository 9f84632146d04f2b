// Interop profiles for jmcp's annotated example servers (issue #15): a TypeScript SDK client lists
// their tools, checks the schemas generated from the Java methods, and calls them.
//
//   typed - `server typed`: convert_temperature and word_stats, record answers sent as
//           structuredContent with a generated outputSchema (the SDK clients validate
//           structuredContent against it on every call).
//   files - `server files --root DIR`: DIR must be a copy of interop/fixtures/sandbox (the checks
//           read notes/hello.md and write out/interop.txt).

/** The content of interop/fixtures/sandbox/notes/hello.md. */
export const SANDBOX_HELLO = 'Hello from the jmcp interop sandbox.\n';

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

function firstText(result) {
  const item = (result?.content ?? []).find((c) => c.type === 'text');
  return item?.text ?? '';
}

function tool(tools, name) {
  const t = tools.find((x) => x.name === name);
  assert(t, `missing tool ${name}`);
  return t;
}

function sameSet(actual, expected, what) {
  const a = [...(actual ?? [])].sort();
  const e = [...expected].sort();
  assert(JSON.stringify(a) === JSON.stringify(e), `${what}: ${JSON.stringify(a)}, want ${JSON.stringify(e)}`);
}

function near(actual, expected, what) {
  assert(typeof actual === 'number' && Math.abs(actual - expected) < 1e-9, `${what} is ${actual}, want ${expected}`);
}

/** A bad argument is an invalid-params JSON-RPC error or an isError result; either names the argument. */
async function expectBadArgument(client, params, argument) {
  let r;
  try {
    r = await client.callTool(params);
  } catch (e) {
    assert(e?.code === -32602, `JSON-RPC error ${e?.code}, want -32602: ${e?.message}`);
    assert(String(e.message).includes(argument), `the error does not name ${argument}: ${e.message}`);
    return `JSON-RPC error ${e.code}`;
  }
  assert(r.isError === true, `isError is ${r.isError}`);
  assert(firstText(r).includes(argument), `the error does not name ${argument}: ${firstText(r)}`);
  return 'isError result';
}

const typed = {
  marker: 'convert_temperature',
  requiredTools: ['convert_temperature', 'word_stats'],
  simpleText: null,
  progress: null,
  error: null,
  logging: null,
  sampling: null,
  elicitation: null,
  resource: false,
  prompt: null,
  extra: async ({ client, check, tools }) => {
    await check('annotated schemas and tool annotations', async () => {
      const convert = tool(tools, 'convert_temperature');
      assert(convert.title === 'Convert a temperature', `title ${convert.title}`);
      assert(convert.annotations?.readOnlyHint === true, 'readOnlyHint is not true');
      assert(convert.annotations?.idempotentHint === true, 'idempotentHint is not true');
      assert(convert.annotations?.openWorldHint === false, 'openWorldHint is not false');
      const inProps = convert.inputSchema.properties ?? {};
      sameSet(Object.keys(inProps), ['value', 'from'], 'convert_temperature input properties');
      sameSet(convert.inputSchema.required, ['value', 'from'], 'convert_temperature required');
      sameSet(inProps.from?.enum, ['C', 'F', 'K'], 'from.enum');
      assert(inProps.value?.description === 'The temperature to convert', `value.description ${inProps.value?.description}`);
      assert(convert.outputSchema?.type === 'object', 'convert_temperature has no object outputSchema');
      sameSet(Object.keys(convert.outputSchema.properties ?? {}), ['celsius', 'fahrenheit', 'kelvin'], 'outputSchema properties');
      const stats = tool(tools, 'word_stats');
      sameSet(stats.inputSchema.required, ['text'], 'word_stats required (longestWord is Optional)');
      assert(stats.inputSchema.properties?.longestWord, 'word_stats has no longestWord property');
      assert(stats.outputSchema?.type === 'object', 'word_stats has no object outputSchema');
      return 'input/output schemas, title and hints as annotated';
    });

    await check('tools/call convert_temperature (structuredContent)', async () => {
      const r = await client.callTool({ name: 'convert_temperature', arguments: { value: 212, from: 'F' } });
      assert(!r.isError, `isError: ${firstText(r)}`);
      const s = r.structuredContent;
      assert(s, 'no structuredContent');
      near(s.celsius, 100, 'celsius');
      near(s.fahrenheit, 212, 'fahrenheit');
      near(s.kelvin, 373.15, 'kelvin');
      assert(JSON.parse(firstText(r)).celsius === s.celsius, `the text copy differs: ${firstText(r)}`);
      return JSON.stringify(s);
    });

    await check('tools/call word_stats (Optional argument absent and given)', async () => {
      const text = 'hello big world\nline';
      const r = await client.callTool({ name: 'word_stats', arguments: { text } });
      assert(!r.isError, `isError: ${firstText(r)}`);
      const s = r.structuredContent;
      assert(s?.characters === text.length && s.words === 4 && s.lines === 2, `counts: ${JSON.stringify(s)}`);
      assert(s.longestWord === 'hello', `longestWord ${s.longestWord}`);
      const without = await client.callTool({ name: 'word_stats', arguments: { text, longestWord: false } });
      assert(!without.isError, `isError: ${firstText(without)}`);
      assert(without.structuredContent?.longestWord == null, `longestWord given: ${JSON.stringify(without.structuredContent)}`);
      return JSON.stringify(s);
    });

    await check('tools/call convert_temperature with a bad enum value', () =>
      expectBadArgument(client, { name: 'convert_temperature', arguments: { value: 1, from: 'X' } }, 'from'));
  },
};

const files = {
  marker: 'list_directory',
  requiredTools: ['list_directory', 'read_text_file', 'file_info', 'search_files', 'write_text_file', 'delete_file'],
  simpleText: { name: 'read_text_file', arguments: { path: 'notes/hello.md' }, expect: SANDBOX_HELLO.trim() },
  progress: null,
  // a path outside the sandbox is refused by the tool: an isError result with a message
  error: { name: 'read_text_file', arguments: { path: '../outside.txt' } },
  logging: null,
  sampling: null,
  elicitation: null,
  resource: false, // one resource template, no fixed resources: read through the template below
  prompt: { name: 'review_file', arguments: { path: 'notes/hello.md' } },
  extra: async ({ client, check, tools }) => {
    await check('annotated tool hints', async () => {
      assert(tool(tools, 'read_text_file').annotations?.readOnlyHint === true, 'read_text_file is not readOnly');
      assert(tool(tools, 'write_text_file').annotations?.readOnlyHint !== true, 'write_text_file is readOnly');
      assert(tool(tools, 'list_directory').outputSchema?.properties?.entries, 'list_directory outputSchema lacks entries');
      sameSet(tool(tools, 'write_text_file').inputSchema.required, ['path', 'content'], 'write_text_file required');
      return 'ok';
    });

    await check('tools/call list_directory + search_files', async () => {
      const listing = await client.callTool({ name: 'list_directory', arguments: {} });
      assert(!listing.isError, `isError: ${firstText(listing)}`);
      const names = (listing.structuredContent?.entries ?? []).map((e) => `${e.name}:${e.type}`);
      assert(names.includes('notes:folder'), `entries ${names.join(', ')}`);
      const found = await client.callTool({ name: 'search_files', arguments: { glob: '**/*.md' } });
      assert(!found.isError, `isError: ${firstText(found)}`);
      assert(found.structuredContent?.paths?.includes('notes/hello.md'), `paths ${JSON.stringify(found.structuredContent)}`);
      return `entries ${names.join(', ')}`;
    });

    await check('tools/call write_text_file, file_info, read back, delete_file', async () => {
      const content = 'written by the TypeScript SDK\n';
      const w = await client.callTool({
        name: 'write_text_file',
        arguments: { path: 'out/interop.txt', content, overwrite: true },
      });
      assert(!w.isError, `isError: ${firstText(w)}`);
      assert(w.structuredContent?.path === 'out/interop.txt' && w.structuredContent.size === content.length,
        `write answer ${JSON.stringify(w.structuredContent)}`);
      const info = await client.callTool({ name: 'file_info', arguments: { path: 'out/interop.txt' } });
      assert(typeof info.structuredContent?.modified === 'string', `modified is not a string: ${JSON.stringify(info.structuredContent)}`);
      const back = await client.callTool({ name: 'read_text_file', arguments: { path: 'out/interop.txt' } });
      assert(firstText(back) === content, `read back ${JSON.stringify(firstText(back))}`);
      const del = await client.callTool({ name: 'delete_file', arguments: { path: 'out/interop.txt' } });
      assert(!del.isError, `isError: ${firstText(del)}`);
      const gone = await client.callTool({ name: 'read_text_file', arguments: { path: 'out/interop.txt' } });
      assert(gone.isError === true, 'the deleted file can still be read');
      return 'ok';
    });

    await check('resources/templates/list + resources/read sandbox:///notes/hello.md', async () => {
      const { resourceTemplates } = await client.listResourceTemplates();
      assert(resourceTemplates.some((t) => t.uriTemplate === 'sandbox:///{+path}'), `templates ${JSON.stringify(resourceTemplates)}`);
      const { contents } = await client.readResource({ uri: 'sandbox:///notes/hello.md' });
      assert(contents[0]?.text === SANDBOX_HELLO, `contents ${JSON.stringify(contents)}`);
      assert(contents[0].uri === 'sandbox:///notes/hello.md', `uri ${contents[0].uri}`);
      return 'ok';
    });

    await check('completion/complete review_file path', async () => {
      const r = await client.complete({
        ref: { type: 'ref/prompt', name: 'review_file' },
        argument: { name: 'path', value: 'notes/h' },
      });
      assert(r.completion?.values?.includes('notes/hello.md'), `values ${JSON.stringify(r.completion)}`);
      return JSON.stringify(r.completion.values);
    });
  },
};

export const ANNOTATED_PROFILES = { typed, files };
