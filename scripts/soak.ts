// `npm run soak`: the sync properties of test/property over many more random scenarios (default 5,000); prints the seed on failure.
//
//   npm run soak                      5,000 runs from a random seed
//   npm run soak -- --runs 20000      more runs
//   npm run soak -- --seed 123        replay a failing seed (add --path from the failure to jump to its case)
import fc from 'fast-check';
import { scenarioArb } from '../test/property/sync-arbitraries.ts';
import { runScenario } from '../test/property/sync-sim.ts';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const runs = Number(option('runs') ?? 5000);
const seed = Number(option('seed') ?? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0);
const path = option('path');
const maxActions = Number(option('actions') ?? 200);
if (!Number.isSafeInteger(runs) || runs < 1 || !Number.isSafeInteger(seed)) {
  console.error('E_SOAK_ARGS: --runs needs a positive integer and --seed an integer');
  process.exit(2);
}

console.log(`[soak] ${runs} scenarios, seed ${seed}, up to ${maxActions} actions each`);
const started = Date.now();
let done = 0;
const totals = { processed: 0, acknowledged: 0, conflicts: 0, duplicatesChecked: 0, hostile: 0, noops: 0 };
const result = await fc.check(
  fc.asyncProperty(scenarioArb(maxActions), async (scenario) => {
    const { failures, stats } = await runScenario(scenario);
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += stats[key];
    if (++done % 500 === 0) console.log(`[soak] ${done}/${runs} …`);
    if (failures.length > 0) throw new Error(failures.slice(0, 5).join('\n'));
  }),
  { seed, numRuns: runs, ...(path ? { path } : {}) },
);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (result.failed) {
  console.error(`[soak] FAILED after ${result.numRuns} runs (${seconds} s). Replay: npm run soak -- --seed ${result.seed} --path "${result.counterexamplePath}"`);
  console.error(String(result.errorInstance instanceof Error ? result.errorInstance.message : result.errorInstance));
  console.error(`counterexample: ${JSON.stringify(result.counterexample)?.slice(0, 4000)}`);
  process.exit(1);
}
console.log(`[soak] OK: ${result.numRuns} scenarios in ${seconds} s, seed ${seed}; ${JSON.stringify(totals)}`);
