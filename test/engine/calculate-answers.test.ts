// calculateAnswers (the server's calculation pass) gives exactly what a full FormSession computes, and
// writeFeedsCalculation says which writes can change a calculation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateAnswers, FormSession, parseForm, writeFeedsCalculation } from '../../src/engine/index.ts';
import fieldCheckJson from '../../forms/field-check/form.json';
import careJson from '../../forms/care-assessment/form.json';
import { f, form } from './helpers.ts';

const parse = (json: unknown) => {
  const parsed = parseForm(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.form;
};
const fieldCheck = parse(fieldCheckJson);
const care = parse(careJson);
const NOW = new Date('2026-12-05T03:00:00Z');

function sessionValues(definition: typeof fieldCheck, answers: Record<string, unknown>) {
  const session = new FormSession(definition, answers, { now: NOW, utcOffsetMinutes: 540, applyDefaults: false });
  return calculateAnswers(definition, answers, { now: NOW, utcOffsetMinutes: 540 }).map(({ path }) => ({ path, value: session.field(path).value }));
}

describe('calculateAnswers', () => {
  it('computes field-check\'s calculations at every repeat entry, as a FormSession does', () => {
    const answers = { city: 'midori', survey_date: '2026-11-01', buildings: [{ built_year: 1990, floors: 2 }, { floors: 3 }] };
    const values = calculateAnswers(fieldCheck, answers, { now: NOW, utcOffsetMinutes: 540 });
    expect(values).toEqual(expect.arrayContaining([
      { path: 'buildings[0].building_age', value: 36 }, { path: 'buildings[1].building_age', value: null },
      { path: 'total_floors', value: 5 }, { path: 'record_code', value: 'midori-2026-11-01' },
    ]));
    expect(values).toEqual(sessionValues(fieldCheck, answers));
  });

  it('keeps a non-relevant calculated field\'s stored value, as a FormSession does', () => {
    const def = form([f('n', 'integer'), f('twice', 'integer', { relevant: '${n} > 0', calculate: '${n} * 2' })]);
    expect(calculateAnswers(def, { n: 0, twice: 8 }, { now: NOW })).toEqual([{ path: 'twice', value: 8 }]);
    expect(calculateAnswers(def, { n: 4, twice: 8 }, { now: NOW })).toEqual([{ path: 'twice', value: 8 }]);
    expect(calculateAnswers(def, { n: 5 }, { now: NOW })).toEqual([{ path: 'twice', value: 10 }]);
  });

  it('uses the given time zone for today(): the care assessment\'s age at the survey date in Japan', () => {
    // 2026-12-04T16:00Z is already 12-05 in Japan: the applicant born 1940-12-05 has turned 86 there.
    const at = new Date('2026-12-04T16:00:00Z');
    expect(calculateAnswers(care, { subject_birth_date: '1940-12-05' }, { now: at, utcOffsetMinutes: 540 })).toContainEqual({ path: 'subject_age', value: 86 });
    expect(calculateAnswers(care, { subject_birth_date: '1940-12-05' }, { now: at, utcOffsetMinutes: 0 })).toContainEqual({ path: 'subject_age', value: 85 });
  });

  it('agrees with a FormSession on random field-check answers', () => {
    const building = fc.record({ built_year: fc.option(fc.integer({ min: 1900, max: 2026 }), { nil: undefined }), floors: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }) }, { requiredKeys: [] });
    fc.assert(fc.property(
      fc.record({ city: fc.constantFrom('midori', 'aoba', 'umibe'), survey_date: fc.constantFrom('2026-01-01', '2026-11-30'), buildings: fc.array(building, { maxLength: 5 }) }, { requiredKeys: [] }),
      (answers) => {
        const clean = JSON.parse(JSON.stringify(answers)) as Record<string, unknown>;
        expect(calculateAnswers(fieldCheck, clean, { now: NOW, utcOffsetMinutes: 540 })).toEqual(sessionValues(fieldCheck, clean));
      },
    ), { seed: 1205, numRuns: 200 });
  });
});

describe('writeFeedsCalculation', () => {
  it.each([
    ['@create', true], ['@status', false], ['@delete', false], ['@ack', false],
    ['city', true], ['survey_date', true], ['buildings', true], ['buildings[2]', true], ['buildings[2].floors', true], ['buildings[0].built_year', true],
    ['inspector_name', false], ['overall_notes', false],
  ])('field-check: a write at %s → %s', (path, feeds) => {
    expect(writeFeedsCalculation(fieldCheck, path)).toBe(feeds);
  });

  it('a form without calculations never needs the pass', () => {
    expect(writeFeedsCalculation(form([f('a')]), '@create')).toBe(false);
  });
});
