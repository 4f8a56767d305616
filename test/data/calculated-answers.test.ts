// Calculated answers stay on the tablet: saved locally, never queued; a repeat or group is queued without them.
import { describe, expect, it } from 'vitest';
import { parseForm } from '../../src/engine/index.ts';
import { pendingEntries } from '../../src/data/outbox.ts';
import { sendableChange } from '../../src/app/editor/sendableValue.ts';
import { freshRepo } from './helpers.ts';
import fieldCheck from '../../forms/field-check/form.json';

const parsed = parseForm(fieldCheck);
if (!parsed.ok) throw new Error('field-check does not parse');
const form = parsed.form;

describe('sendableChange (field-check: total_floors and buildings[].building_age are calculated)', () => {
  it('keeps a calculated field local', () => {
    expect(sendableChange(form, { path: 'total_floors', value: 3 })).toEqual({ path: 'total_floors', value: 3, localOnly: true });
    expect(sendableChange(form, { path: 'buildings[1].building_age', value: 40 })).toMatchObject({ localOnly: true });
  });

  it('sends a repeat and a repeat entry without the calculated fields inside, and plain answers as they are', () => {
    const buildings = [{ building_name: '本館', built_year: 1980, building_age: 46 }, { building_name: '別館' }];
    expect(sendableChange(form, { path: 'buildings', value: buildings })).toEqual({
      path: 'buildings', value: buildings, outboxValue: [{ building_name: '本館', built_year: 1980 }, { building_name: '別館' }],
    });
    expect(sendableChange(form, { path: 'buildings[0]', value: buildings[0] })).toMatchObject({ outboxValue: { building_name: '本館', built_year: 1980 } });
    expect(sendableChange(form, { path: 'buildings[0].built_year', value: 1980 })).toEqual({ path: 'buildings[0].built_year', value: 1980 });
  });
});

describe('RecordRepository.saveAnswers with local-only and shaped changes', () => {
  it('stores every value locally and queues only what the server accepts', async () => {
    const { db, repo } = freshRepo();
    const { id } = await repo.create('field-check', 1);
    const saved = await repo.saveAnswers(id, [
      { path: 'buildings', value: [{ floors: 2, building_age: 9 }], outboxValue: [{ floors: 2 }] },
      { path: 'total_floors', value: 2, localOnly: true },
    ], { errorCount: 0 });
    expect(saved.answers).toEqual({ buildings: [{ floors: 2, building_age: 9 }], total_floors: 2 });
    expect(saved.fieldClocks.total_floors).toBeUndefined();
    const queued = await pendingEntries(db, 10);
    expect(queued.map((o) => [o.path, o.value])).toEqual([['@create', {}], ['buildings', [{ floors: 2 }]]]);
  });
});
