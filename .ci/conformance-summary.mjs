// Judges one conformance suite run against its baseline and prints the summary line.
//
//   node conformance-summary.mjs --label L --baseline FILE --kind server|client
//        (--dir DIR | --results TSV) [--expect-scenarios LIST_FILE]
//
// server: outcomes come from DIR/server-<scenario>-<ts>/checks.json (a scenario fails on any
//         FAILURE or WARNING, as in the conformance tool's own baseline mode).
// client: outcomes come from a TSV of "<scenario>\t<exit code>" lines, the exit code of
//         `conformance client --scenario S` run WITHOUT --expected-failures: that exit code also
//         counts client timeouts and non-zero client exits, which the tool's baseline mode ignores.
// --expect-scenarios: a file with one scenario name per line; a scenario with no result counts
//         as failed (so a crash of the runner cannot pass silently).
// Summary: N passed, M failed (K of the M are listed in the baseline).
// Exit 1 on a regression (fails, not in baseline), a stale baseline entry (passes, listed), or no
// results at all.
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const YAML = require(join(import.meta.dirname, 'npm', 'node_modules', 'yaml'));

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const { label, baseline, kind } = args;

function loadBaseline(file) {
  if (!file || !existsSync(file)) return [];
  const doc = YAML.parse(readFileSync(file, 'utf8')) ?? {};
  const list = doc[kind] ?? [];
  if (!Array.isArray(list)) throw new Error(`${file}: '${kind}' must be a list`);
  return list.map(String);
}

function findChecks(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name === 'checks.json') out.push(p);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

const outcome = new Map(); // scenario -> { failed: bool, why: string }
if (kind === 'server') {
  for (const file of findChecks(args.dir)) {
    const rel = relative(args.dir, join(file, '..')).replace(/\\/g, '/');
    const scenario = rel.replace(/^server-/, '').replace(/-\d{4}-\d{2}-\d{2}T[\d-]+Z$/, '');
    let checks = [];
    try { checks = JSON.parse(readFileSync(file, 'utf8')); } catch { checks = [{ status: 'FAILURE', id: 'unreadable checks.json' }]; }
    const bad = checks.filter((c) => c.status === 'FAILURE' || c.status === 'WARNING');
    const prev = outcome.get(scenario);
    const failed = bad.length > 0 || (prev?.failed ?? false);
    outcome.set(scenario, { failed, why: bad.map((c) => `${c.status} ${c.id}`).join(', ') || prev?.why || '' });
  }
} else {
  if (existsSync(args.results)) {
    for (const line of readFileSync(args.results, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const [scenario, rc, why] = line.split('\t');
      outcome.set(scenario, { failed: rc !== '0', why: why || (rc === '0' ? '' : `exit ${rc}`) });
    }
  }
}
if (args['expect-scenarios'] && existsSync(args['expect-scenarios'])) {
  for (const s of readFileSync(args['expect-scenarios'], 'utf8').split('\n').map((l) => l.trim()).filter(Boolean)) {
    if (!outcome.has(s)) outcome.set(s, { failed: true, why: 'no result' });
  }
}

const listed = new Set(loadBaseline(baseline));
let passed = 0, failed = 0, expected = 0;
const regressions = [], stale = [];
for (const [scenario, o] of [...outcome].sort()) {
  if (o.failed && listed.has(scenario)) { failed++; expected++; }
  else if (o.failed) { failed++; regressions.push(`${scenario}${o.why ? ` (${o.why})` : ''}`); }
  else { passed++; if (listed.has(scenario)) stale.push(scenario); }
}
for (const r of regressions) console.log(`  regression: ${r}`);
for (const s of stale) console.log(`  stale baseline entry (now passes, remove it from ${relative(process.cwd(), baseline)}): ${s}`);
const extra = stale.length ? `, ${stale.length} stale` : '';
console.log(`conformance ${label}: ${passed} passed, ${failed} failed (${expected} expected)${extra}`);
process.exit(outcome.size === 0 || regressions.length || stale.length ? 1 : 0);
