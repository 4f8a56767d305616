// Editor helpers: path enumeration and lookup, reason-field placement, record titles, values computed at open, catalog helpers.
import { describe, expect, it } from 'vitest';
import { collectPaths, collectRepeatPaths, definitionAt, readPath, sectionOfPath } from '../../src/app/editor/paths.ts';
import { reasonFieldIds, siblingPath } from '../../src/app/editor/reasonFields.ts';
import { computedChanges } from '../../src/app/editor/initialValues.ts';
import { countsLookup, latestVersions } from '../../src/app/formCatalog.ts';
import type { FormDefinition } from '../../src/engine/types.ts';

const form: FormDefinition = {
  id: 'demo',
  version: 2,
  title: { ja: 'デモ' },
  sections: [
    {
      id: 'basic',
      title: { ja: '基本' },
      fields: [
        { id: 'name', type: 'text', label: { ja: '氏名' } },
        { id: 'kind', type: 'select_one', label: { ja: '種別' }, choices: [{ value: 'x', label: { ja: 'X' } }, { value: 'other', label: { ja: 'その他' }, requiresReason: true }] },
        { id: 'kind_reason', type: 'text', label: { ja: '理由' } },
        { id: 'total', type: 'integer', label: { ja: '合計' }, calculate: '${a} + 1' },
      ],
    },
    {
      id: 'rooms',
      title: { ja: '部屋' },
      fields: [
        { id: 'grp', type: 'group', label: { ja: 'G' }, fields: [{ id: 'b', type: 'text', label: { ja: 'B' } }] },
        { id: 'rep', type: 'repeat', label: { ja: 'R' }, fields: [{ id: 'c', type: 'integer', label: { ja: 'C' } }] },
      ],
    },
  ],
};

describe('paths', () => {
  it('enumerates nested group and repeat paths from the repeat counts', () => {
    const paths = collectPaths(form.sections[1]!.fields, '', (p) => (p === 'rep' ? 2 : 0));
    expect(paths).toEqual(['grp', 'grp.b', 'rep', 'rep[0].c', 'rep[1].c']);
    expect(collectRepeatPaths(form.sections[1]!.fields, '', () => 1)).toEqual(['rep']);
  });
  it('finds a path’s section and definition, and reads its value', () => {
    expect(sectionOfPath(form, 'rep[1].c')).toBe('rooms');
    expect(sectionOfPath(form, 'nope')).toBeNull();
    expect(definitionAt(form, 'rep[3].c')?.type).toBe('integer');
    expect(definitionAt(form, 'grp.zzz')).toBeNull();
    expect(readPath({ rep: [{ c: 1 }, { c: 2 }], grp: { b: 'x' } }, 'rep[1].c')).toBe(2);
    expect(readPath({ grp: { b: 'x' } }, 'grp.b')).toBe('x');
    expect(readPath({ grp: 'not an object' }, 'grp.b')).toBeUndefined();
  });
});

describe('reason fields', () => {
  it('renders <id>_reason inside its select, not on its own', () => {
    expect([...reasonFieldIds(form.sections[0]!.fields, form)]).toEqual(['kind_reason']);
    expect(siblingPath('rep[0].kind', 'kind_reason')).toBe('rep[0].kind_reason');
    expect(siblingPath('kind', 'kind_reason')).toBe('kind_reason');
  });
});

describe('computedChanges', () => {
  it('returns calculated values that differ from what is stored, and nothing else', () => {
    const values: Record<string, unknown> = { name: 'typed', total: 5 };
    expect(computedChanges(form, ['name', 'total'], { total: 4 }, (p) => values[p])).toEqual([{ path: 'total', value: 5 }]);
    expect(computedChanges(form, ['name', 'total'], { total: 5 }, (p) => values[p])).toEqual([]);
  });
});

describe('catalog helpers', () => {
  it('keeps the newest version of each form', () => {
    const forms = [
      { id: 'b', version: 1, title: { ja: 'B' } },
      { id: 'a', version: 1, title: { ja: 'A1' } },
      { id: 'a', version: 3, title: { ja: 'A3' } },
    ];
    expect(latestVersions(forms).map((f) => `${f.id}@${f.version}`)).toEqual(['a@3', 'b@1']);
  });
  it('reads record counts from a plain object or a Map', () => {
    expect(countsLookup({ a: 2 })('a')).toBe(2);
    expect(countsLookup(new Map([['a', 3]]))('a')).toBe(3);
    expect(countsLookup(undefined)('a')).toBe(0);
  });
});
