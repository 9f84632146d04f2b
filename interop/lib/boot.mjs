// Interop profile for jmcp's Spring Boot example (issue #16): examples/spring-boot, an MCP server
// made by mcp-spring-boot-starter from an annotated Spring bean, served by Boot's embedded Tomcat.
//
//   boot - `java -jar examples/spring-boot/target/jmcp-spring-boot-example.jar --server.port=PORT`:
//          tools weather (text) and forecast (a record sent as structuredContent with an
//          outputSchema), resource weather://cities, prompt plan_day.

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

const boot = {
  marker: 'forecast',
  requiredTools: ['weather', 'forecast'],
  simpleText: { name: 'weather', arguments: { city: 'Oslo' }, expect: 'Today in Oslo: snow' },
  progress: null,
  error: null,
  logging: null,
  sampling: null,
  elicitation: null,
  resource: 'weather://cities',
  prompt: { name: 'plan_day', arguments: { city: 'Rome' } },
  extra: async ({ client, check, tools }) => {
    await check('tools/call forecast (structuredContent against its outputSchema)', async () => {
      const forecast = tools.find((t) => t.name === 'forecast');
      assert(forecast.outputSchema?.type === 'object', 'forecast has no object outputSchema');
      assert(forecast.annotations?.readOnlyHint === true, 'forecast is not readOnly');
      const r = await client.callTool({ name: 'forecast', arguments: { city: 'Rome' } });
      assert(!r.isError, 'isError');
      const s = r.structuredContent;
      assert(s?.city === 'Rome' && s.sky === 'sunny' && s.celsius === 16, `structuredContent ${JSON.stringify(s)}`);
      return JSON.stringify(s);
    });
    await check('tools/call with a missing argument is refused', async () => {
      let r;
      try {
        r = await client.callTool({ name: 'weather', arguments: {} });
      } catch (e) {
        assert(e?.code === -32602, `JSON-RPC error ${e?.code}, want -32602`);
        return `JSON-RPC error ${e.code}`;
      }
      assert(r.isError === true, 'a call without city succeeded');
      return 'isError result';
    });
  },
};

export const BOOT_PROFILES = { boot };
