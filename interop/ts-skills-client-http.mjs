#!/usr/bin/env node
// The Skills extension's reference TypeScript SDK (@olaservo/ext-skills, SEP-2640) reading a jmcp server's
// skills over Streamable HTTP: lists every entry, reads each SKILL.md (digest and frontmatter checked by the
// SDK) and every listed file (digest checked), walks the skills' directories. Prints one JSON line with what
// it read and exits 0; any failure exits 1 with the error on stderr. Used by SkillsInteropTest.
//
//   node interop/ts-skills-client-http.mjs URL [auto|legacy]
import { Client } from '@modelcontextprotocol/client';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import {
  listSkills, getSkill, readSkill, readSkillResource, serverSupportsSkills, serverSupportsDirectoryRead,
  readDirectory,
} from '@olaservo/ext-skills/client';

const url = process.argv[2];
const era = process.argv[3] ?? 'auto';
// auto: negotiates 2026-07-28 with server/discover; legacy: the 2025-era initialize handshake
const options = { versionNegotiation: { mode: era === 'legacy' ? 'legacy' : 'auto' } };
const client = new Client({ name: 'jmcp-interop-ts-skills-client', version: '1.0.0' }, options);
try {
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  const out = { supported: serverSupportsSkills(client), directoryRead: serverSupportsDirectoryRead(client), skills: [] };
  for (const entry of await listSkills(client)) {
    const again = await getSkill(client, entry.uri);
    const md = await readSkill(client, again);
    const files = {};
    for (const r of again.resources) {
      if (r.uri === again.uri) continue;
      const got = await readSkillResource(client, again, r.uri);
      files[r.uri] = typeof got === 'string' ? got.length : (got.text ?? got.blob ?? '').length;
    }
    const root = again.uri.replace(/\/SKILL\.md$/, '');
    const dir = await readDirectory(client, root);
    const children = (dir.resources ?? dir).map((c) => c.uri);
    out.skills.push({ uri: again.uri, name: again.frontmatter.name, skillMdChars: md.length, files, children });
  }
  console.log(JSON.stringify(out));
  await client.close();
  process.exit(0);
} catch (e) {
  console.error('ts-skills-client-http:', e?.stack ?? e);
  process.exit(1);
}
