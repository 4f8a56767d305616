// Property-based sync tests (fast-check, fixed seed): convergence, no lost writes, idempotent retries, conflicts exactly for same-field concurrent edits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArb } from './sync-arbitraries.ts';
import { runScenario, Simulation, START, DAY } from './sync-sim.ts';

const SEED = 20261128;
const RUNS = Number(process.env.GENBA_SYNC_RUNS ?? 200);

describe('sync properties (≥ 5 devices, faulty network, clock skew ±3 days)', () => {
  it(`hold over ${RUNS} random scenarios (seed ${SEED})`, async () => {
    let totals = { processed: 0, acknowledged: 0, conflicts: 0, duplicatesChecked: 0, hostile: 0, noops: 0 };
    await fc.assert(
      fc.asyncProperty(scenarioArb(), async (scenario) => {
        const { failures, stats } = await runScenario(scenario);
        totals = {
          processed: totals.processed + stats.processed, acknowledged: totals.acknowledged + stats.acknowledged,
          conflicts: totals.conflicts + stats.conflicts, duplicatesChecked: totals.duplicatesChecked + stats.duplicatesChecked,
          hostile: totals.hostile + stats.hostile, noops: totals.noops + stats.noops,
        };
        if (failures.length > 0) throw new Error(failures.slice(0, 5).join('\n'));
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    console.log(`[sync properties] ${RUNS} runs: ${JSON.stringify(totals)}`);
    // The scenarios must exercise what the properties are about, or passing means little.
    expect(totals.acknowledged).toBeGreaterThan(RUNS * 5);
    expect(totals.conflicts).toBeGreaterThan(RUNS / 10);
    expect(totals.duplicatesChecked).toBeGreaterThan(RUNS / 10);
    // Equal values from several devices (no-ops) and refused hostile batches happen often enough to matter.
    expect(totals.noops).toBeGreaterThan(RUNS);
    expect(totals.hostile).toBeGreaterThan(RUNS / 2);
  }, 120_000);
});

describe('sync simulation, fixed cases', () => {
  async function twoOfflineDevices(fieldA: 'name' | 'city', fieldB: 'name' | 'city') {
    const sim = new Simulation([0, 3 * DAY, -3 * DAY, 0, 0]);
    const [d0, d1, d2] = sim.devices;
    sim.create(d0!);
    await sim.quiesce();
    sim.edit(d1!, 0, fieldA, 1);
    sim.edit(d2!, 0, fieldB, 2);
    sim.now = START + 3600_000;
    await sim.quiesce();
    return sim;
  }

  it('two offline devices editing different fields merge without a conflict', async () => {
    const sim = await twoOfflineDevices('name', 'city');
    const { failures, stats } = sim.check();
    expect(failures).toEqual([]);
    expect(stats.conflicts).toBe(0);
    const [record] = sim.store.dump().records;
    expect(record!.answers).toMatchObject({ name: '佐藤', city: 'うみべ市' });
  });

  it('two offline devices editing the same field to different values make one conflict on every replica', async () => {
    const sim = await twoOfflineDevices('name', 'name');
    const { failures } = sim.check();
    expect(failures).toEqual([]);
    const { conflicts, records } = sim.store.dump();
    expect(conflicts).toEqual([expect.objectContaining({ kind: 'same-field', path: 'name', status: 'open' })]);
    expect(conflicts[0]!.candidates.map((c) => c.value).sort()).toEqual(['佐藤', '鈴木'].sort());
    for (const d of sim.devices) expect(d.records.get(records[0]!.id)!.answers.name).toBe(conflicts[0]!.provisional);
  });

  it('a pull between a lost push response and its retry does not hide the server\'s merged value', async () => {
    const sim = new Simulation([0, 0, 0, 0, 0]);
    const [d0, d1, d2] = sim.devices;
    sim.create(d0!);
    await sim.quiesce();
    sim.edit(d1!, 0, 'tags', 0); // ['a']
    sim.edit(d2!, 0, 'tags', 1); // ['b']
    sim.sendPush(d1!, 5);
    await sim.deliver(0, 'ok');
    sim.sendPush(d2!, 5);
    await sim.deliver(0, 'lost-response'); // the server merged ['a','b']; d2 did not hear
    sim.sendPull(d2!, 10);
    await sim.deliver(0, 'ok'); // d2's op is sent but unacknowledged: it must take the server's value
    await sim.quiesce(); // the retry is a duplicate; no later change re-sends the record
    expect(sim.check().failures).toEqual([]);
    expect(sim.devices[2]!.records.values().next().value!.answers.tags).toEqual(['a', 'b']);
  });

  it('a lost push response is retried as the same batch and answered duplicate', async () => {
    const sim = new Simulation([0, 0, 0, 0, 0]);
    const d0 = sim.devices[0]!;
    sim.create(d0);
    sim.sendPush(d0, 5);
    await sim.deliver(0, 'lost-response');
    expect(d0.outbox).toHaveLength(1);
    sim.sendPush(d0, 5);
    await sim.deliver(0, 'ok');
    expect(d0.outbox).toHaveLength(0);
    expect(sim.duplicatesChecked).toBe(1);
    await sim.quiesce();
    expect(sim.check().failures).toEqual([]);
  });
});
