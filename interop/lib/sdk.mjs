// Loads the pinned TypeScript SDK (v1 = @modelcontextprotocol/sdk, v2 = @modelcontextprotocol/client)
// behind one small surface, so the interop checks are written once.
//
// The packages resolve through interop/node_modules, a link to .ci/npm/node_modules that
// .ci/lib.sh (ci_setup_node) creates.

/** Method name -> v1 schema export name (v1 handlers are keyed by zod schema, v2 by method). */
const V1_SCHEMAS = {
  'sampling/createMessage': 'CreateMessageRequestSchema',
  'elicitation/create': 'ElicitRequestSchema',
  'roots/list': 'ListRootsRequestSchema',
  'notifications/message': 'LoggingMessageNotificationSchema',
};

/**
 * @param {'v1'|'v2'} version
 * @returns {Promise<{version, Client, StdioClientTransport, StreamableHTTPClientTransport,
 *   callTool(client, params, options), onRequest(client, method, fn), onNotification(client, method, fn), clientOptions(era)}>}
 */
export async function loadSdk(version) {
  if (version === 'v1') {
    const [{ Client }, { StdioClientTransport }, { StreamableHTTPClientTransport }, types] = await Promise.all([
      import('@modelcontextprotocol/sdk/client/index.js'),
      import('@modelcontextprotocol/sdk/client/stdio.js'),
      import('@modelcontextprotocol/sdk/client/streamableHttp.js'),
      import('@modelcontextprotocol/sdk/types.js'),
    ]);
    return {
      version,
      Client,
      StdioClientTransport,
      StreamableHTTPClientTransport,
      callTool: (client, params, options) => client.callTool(params, undefined, options),
      onRequest: (client, method, fn) => client.setRequestHandler(types[V1_SCHEMAS[method]], fn),
      onNotification: (client, method, fn) => client.setNotificationHandler(types[V1_SCHEMAS[method]], fn),
      clientOptions: (era) => {
        if (era && era !== 'legacy') throw new Error(`SDK v1 speaks only the 2025 era (got --era ${era})`);
        return {};
      },
    };
  }
  if (version === 'v2') {
    const [{ Client, StreamableHTTPClientTransport }, { StdioClientTransport }] = await Promise.all([
      import('@modelcontextprotocol/client'),
      import('@modelcontextprotocol/client/stdio'),
    ]);
    return {
      version,
      Client,
      StdioClientTransport,
      StreamableHTTPClientTransport,
      callTool: (client, params, options) => client.callTool(params, options),
      onRequest: (client, method, fn) => client.setRequestHandler(method, fn),
      onNotification: (client, method, fn) => client.setNotificationHandler(method, fn),
      // legacy: plain 2025 initialize; auto: server/discover probe with fallback;
      // a date pins the modern era at exactly that revision.
      clientOptions: (era) => {
        if (!era || era === 'legacy') return {};
        if (era === 'auto') return { versionNegotiation: { mode: 'auto' } };
        return { versionNegotiation: { mode: { pin: era } } };
      },
    };
  }
  throw new Error(`unknown --sdk ${version} (v1 or v2)`);
}
