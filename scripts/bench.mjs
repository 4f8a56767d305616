// `npm run bench`: runs every bench/*.bench.ts in turn and prints a summary table of their last-line JSON results.
import { readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureDeps, root } from './ensure-deps.mjs';

ensureDeps();
const only = process.argv.slice(2);
const benches = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
const results = [];
let failed = false;
for (const file of benches) {
  console.log(`\n[bench] ${file}`);
  const r = spawnSync('npx', ['tsx', join('bench', file)], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(r.stdout ?? '');
  const last = (r.stdout ?? '').trim().split('\n').pop() ?? '';
  try {
    const parsed = JSON.parse(last);
    results.push(parsed);
    if (parsed.pass === false) failed = true;
  } catch {
    results.push({ name: file, error: `exit ${r.status}: no JSON result line` });
    failed = true;
  }
}
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`), JSON.stringify(results, null, 2));
console.log('\n[bench] summary');
for (const r of results) console.log(`  ${r.pass === true ? 'PASS' : r.pass === false ? 'MISS' : 'ERR '} ${JSON.stringify(r)}`);
process.exit(failed ? 1 : 0);
