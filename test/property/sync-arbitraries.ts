// fast-check generators for sync scenarios: ≥ 5 devices with clock skew up to ±3 days, random edits and random network faults.
import fc from 'fast-check';
import { type Action, DAY, FIELDS, HOSTILE_KINDS, type Scenario } from './sync-sim.ts';

export const MIN_DEVICES = 5;

const device = fc.integer({ min: 0, max: 7 });

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ t: fc.constant('create' as const), d: device }) },
  { weight: 12, arbitrary: fc.record({ t: fc.constant('edit' as const), d: device, r: fc.nat(20), field: fc.constantFrom(...FIELDS), v: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('delete' as const), d: device, r: fc.nat(20) }) },
  { weight: 6, arbitrary: fc.record({ t: fc.constant('push' as const), d: device, limit: fc.integer({ min: 1, max: 6 }) }) },
  { weight: 5, arbitrary: fc.record({ t: fc.constant('pull' as const), d: device, limit: fc.integer({ min: 1, max: 4 }) }) },
  {
    weight: 10,
    arbitrary: fc.record({
      t: fc.constant('deliver' as const), i: fc.nat(50),
      fault: fc.constantFrom<'ok' | 'drop' | 'duplicate' | 'lost-response'>('ok', 'ok', 'ok', 'drop', 'duplicate', 'lost-response'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('partition' as const), d: device, on: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('hostile' as const), d: device, r: fc.nat(20), kind: fc.nat(HOSTILE_KINDS - 1) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 2 * DAY }) }) },
);

export function scenarioArb(maxActions = 200): fc.Arbitrary<Scenario> {
  return fc.record({
    skews: fc.array(fc.integer({ min: -3 * DAY, max: 3 * DAY }), { minLength: MIN_DEVICES, maxLength: 6 }),
    initialRecords: fc.integer({ min: 1, max: 3 }),
    actions: fc.array(action, { minLength: 20, maxLength: maxActions, size: 'max' }),
  });
}
