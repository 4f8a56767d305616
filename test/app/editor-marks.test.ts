// Pure pieces of the editor's markers and counts: warnings per field and section, where a warning jumps, conflict markers, required progress, errors shown, option numbers, the section in the URL.
import { describe, expect, it } from 'vitest';
import { conflictMarks } from '../../src/app/editor/conflictMarks.ts';
import { requiredProgress, visibleErrors } from '../../src/app/editor/progress.ts';
import { definitionPathOf, jumpTarget, warningsByField, warningsBySection } from '../../src/app/editor/warningMarks.ts';
import { numberedLabel } from '../../src/app/fields/choiceNumbers.ts';
import { parseRoute, routePath } from '../../src/app/routes.ts';
import { choiceNumbers, parseForm } from '../../src/engine/index.ts';
import type { FieldState, FormDefinition, FormWarning } from '../../src/engine/types.ts';

function form(): FormDefinition {
  const parsed = parseForm({
    id: 'f', version: 1, title: { ja: 'F' },
    choiceLists: { k3: [{ value: 1, label: { ja: 'できる' } }, { value: 2, label: { ja: '見守り' } }, { value: 3, label: { ja: 'できない' } }] },
    sections: [
      { id: 's1', title: { ja: 'S1' }, fields: [
        { id: 'a', type: 'select_one', label: { ja: 'A' }, choiceList: 'k3', numbered: true, required: true },
        { id: 'b', type: 'select_one', label: { ja: 'B' }, choiceList: 'k3' },
      ] },
      { id: 's2', title: { ja: 'S2' }, fields: [
        { id: 'rep', type: 'repeat', label: { ja: 'R' }, fields: [{ id: 'year', type: 'integer', label: { ja: 'Y' }, required: true }] },
      ] },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.form;
}

const W1: FormWarning = { code: '01', message: { ja: '警告コード01' }, paths: ['a', 'rep.year'] };
const W2: FormWarning = { code: '02', message: { ja: '警告コード02' }, paths: ['a', 'b'], acknowledgedReason: '確認した' };

describe('warning markers', () => {
  it('names each field a warning concerns, repeat entries by their definition path', () => {
    const byField = warningsByField([W1, W2]);
    expect(byField.a?.map((w) => w.code)).toEqual(['01', '02']);
    expect(byField.b?.map((w) => w.code)).toEqual(['02']);
    expect(byField[definitionPathOf('rep[3].year')]?.map((w) => w.code)).toEqual(['01']);
  });

  it('counts on a section tab only warnings not yet acknowledged, each once', () => {
    expect(warningsBySection(form(), [W1, W2])).toEqual({ s1: 1, s2: 1 });
  });

  it('jumps to the field, the first repeat entry, or the repeat while it has none', () => {
    expect(jumpTarget('a', ['a', 'b'])).toBe('a');
    expect(jumpTarget('rep.year', ['a', 'rep', 'rep[0].year', 'rep[1].year'])).toBe('rep[0].year');
    expect(jumpTarget('rep.year', ['a', 'rep'])).toBe('rep');
    expect(jumpTarget('gone', ['a'])).toBeNull();
  });
});

describe('conflict markers', () => {
  const note = { id: 'c1', path: 'name', changeSeq: 5, provisional: '次郎', candidates: [{ value: '太郎', deviceId: 'me' }, { value: '次郎', deviceId: 'other' }] };

  it('says another device\'s value was kept and shows the value set aside', () => {
    expect(conflictMarks([note], [], 'me')).toEqual({ name: { keys: ['c1@5'], fromOtherDevice: true, setAside: ['太郎'] } });
    expect(conflictMarks([note], [], 'other')).toEqual({ name: { keys: ['c1@5'], fromOtherDevice: false, setAside: ['太郎'] } });
  });

  it('has no marker once seen, nor for record-level conflicts', () => {
    expect(conflictMarks([note], ['c1@5'], 'me')).toEqual({});
    expect(conflictMarks([{ ...note, path: '@delete' }], [], 'me')).toEqual({});
  });
});

function state(path: string, partial: Partial<FieldState> & { type?: string }): FieldState {
  const { type = 'text', ...rest } = partial;
  return { path, field: { id: path, type, label: { ja: path } } as FieldState['field'], relevant: true, required: false, readonly: false, value: null, errors: [], ...rest };
}

describe('progress and the errors shown', () => {
  const fields = {
    a: state('a', { required: true, value: 1 }),
    b: state('b', { required: true, value: '', errors: [{ path: 'b', code: 'E_REQUIRED', message: { ja: '必須' } }] }),
    hidden: state('hidden', { required: true, relevant: false }),
    helper: state('helper', { required: true, field: { id: 'helper', type: 'boolean', label: { ja: 'h' }, internal: true } }),
    rep: state('rep', { required: true, type: 'repeat' }),
  };

  it('counts required questions shown, not hidden, helper or structural ones', () => {
    expect(requiredProgress(fields)).toEqual({ answered: 1, total: 2 });
  });

  it('shows no error before anything was touched, those of touched fields after, all after a finalize attempt', () => {
    const all = { showAll: false, total: 5, bySection: { s1: 5 } };
    const f = form();
    expect(visibleErrors(f, fields, {}, all)).toEqual({ total: 0, bySection: {} });
    expect(visibleErrors(f, { ...fields, b: { ...fields.b, path: 'b' } }, { b: true, a: true }, all)).toEqual({ total: 1, bySection: { s1: 1 } });
    expect(visibleErrors(f, fields, {}, { ...all, showAll: true })).toEqual({ total: 5, bySection: { s1: 5 } });
  });
});

describe('numbered choices', () => {
  it('numbers a numbered select\'s choices by their place in the full list, others not at all', () => {
    const f = form();
    const [a, b] = f.sections[0]!.fields;
    expect([...(choiceNumbers(f, a!) ?? new Map()).entries()]).toEqual([[1, 1], [2, 2], [3, 3]]);
    expect(choiceNumbers(f, b!)).toBeNull();
    expect(numberedLabel('できない', 3)).toBe('3. できない');
    expect(numberedLabel('できない', undefined)).toBe('できない');
  });

  it('the 認定調査票 numbers the 基本調査 and 特別な医療 items, not the 自立度 codes', async () => {
    const { loadFormCatalog } = await import('../../sync-server/src/forms/catalog.ts');
    const care = loadFormCatalog().get('care-assessment')!;
    const field = (id: string) => care.sections.flatMap((s) => s.fields).find((x) => x.id === id)!;
    expect(choiceNumbers(care, field('1-3'))?.get(3)).toBe(3);
    expect(choiceNumbers(care, field('6'))?.size).toBe(12);
    expect(choiceNumbers(care, field('7-1'))).toBeNull();
  });
});

describe('the editor\'s section in the URL', () => {
  it('round-trips and is optional', () => {
    const route = { name: 'editor', recordId: 'r/1', section: 'group_1' } as const;
    expect(routePath(route)).toBe('/record/r%2F1?section=group_1');
    expect(parseRoute(routePath(route))).toEqual(route);
    expect(parseRoute('/record/r1')).toEqual({ name: 'editor', recordId: 'r1' });
  });
});
