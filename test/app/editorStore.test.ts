// The editor store keyed by path: a change re-reads only what the engine reports changed, so untouched fields keep their state object (no re-render).
import { describe, expect, it } from 'vitest';
import { FormSession, parseForm } from '../../src/engine/index.ts';
import type { FormDefinition } from '../../src/engine/types.ts';
import { addRepeat, markTouched, openSession, removeRepeat, setAnswer, useEditorStore } from '../../src/app/state/editorStore.ts';

const definition: FormDefinition = {
  id: 'store-demo',
  version: 1,
  title: { ja: 'ストア' },
  sections: [
    {
      id: 's1',
      title: { ja: 'S1' },
      fields: [
        { id: 'name', type: 'text', label: { ja: '氏名' }, required: true },
        { id: 'age', type: 'integer', label: { ja: '年齢' } },
        { id: 'elderly', type: 'boolean', label: { ja: '高齢' }, calculate: '${age} >= 65' },
        { id: 'memo', type: 'text', label: { ja: 'メモ' }, relevant: '${age} >= 65' },
      ],
    },
    { id: 's2', title: { ja: 'S2' }, fields: [{ id: 'rooms', type: 'repeat', label: { ja: '部屋' }, fields: [{ id: 'room', type: 'text', label: { ja: '部屋名' }, required: true }] }] },
  ],
};

function session(): FormSession {
  const parsed = parseForm(definition);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return new FormSession(parsed.form, {});
}

describe('editor store', () => {
  it('typing in one field leaves unrelated field states untouched', () => {
    openSession(session(), { readOnly: false });
    const before = useEditorStore.getState().fields;
    setAnswer('name', '山田');
    const after = useEditorStore.getState().fields;
    expect(after.name?.value).toBe('山田');
    expect(after.name).not.toBe(before.name);
    expect(after.age).toBe(before.age);
    expect(after.memo).toBe(before.memo);
    expect(useEditorStore.getState().sectionErrors).toEqual({ s1: 0, s2: 0 });
  });

  it('dependents (calculation, relevance) are refreshed with the changed field', () => {
    openSession(session(), { readOnly: false });
    expect(useEditorStore.getState().fields.memo?.relevant).toBe(false);
    setAnswer('age', 70);
    const { fields } = useEditorStore.getState();
    expect(fields.elderly?.value).toBe(true);
    expect(fields.memo?.relevant).toBe(true);
  });

  it('repeat entries appear and disappear with their paths', () => {
    openSession(session(), { readOnly: false });
    addRepeat('rooms');
    addRepeat('rooms');
    expect(useEditorStore.getState().repeatCounts.rooms).toBe(2);
    expect(Object.keys(useEditorStore.getState().fields)).toContain('rooms[1].room');
    expect(useEditorStore.getState().sectionErrors.s2).toBe(2);
    removeRepeat('rooms', 0);
    expect(useEditorStore.getState().repeatCounts.rooms).toBe(1);
    expect(Object.keys(useEditorStore.getState().fields)).not.toContain('rooms[1].room');
  });

  it('a read-only session ignores edits', () => {
    openSession(session(), { readOnly: true });
    expect(setAnswer('name', 'x')).toEqual([]);
    expect(useEditorStore.getState().fields.name?.value).toBeNull();
    markTouched('name');
    expect(useEditorStore.getState().touched.name).toBe(true);
  });
});
