// What the sync screen lists for each refused change: the record's title and the field's label from the form on the device, not raw ids.
import { useEffect, useState } from 'react';
import type { FormDefinition } from '../../engine/types.ts';
import { getForm, latestForm, type GenbaDb } from '../../data/index.ts';
import type { RejectedOp } from '../../data/sync/index.ts';
import { fieldLabel } from '../editor/fieldLabel.ts';
import { appDb } from '../db.ts';
import type { Language } from '../localize.ts';

export interface RejectedItem {
  op: RejectedOp;
  /** The field's label, or null for a record operation ('@create', '@status', …). */
  field: string | null;
  recordTitle: string;
}

export async function describeRejected(db: GenbaDb, ops: RejectedOp[], language: Language): Promise<RejectedItem[]> {
  const forms = new Map<string, FormDefinition | undefined>();
  const items: RejectedItem[] = [];
  for (const op of ops) {
    const key = `${op.formId}@${op.formVersion}`;
    if (!forms.has(key)) forms.set(key, (await getForm(db, op.formId, op.formVersion)) ?? (await latestForm(db, op.formId)));
    const record = await db.records.get(op.recordId);
    const title = typeof record?.title === 'string' ? record.title : '';
    items.push({ op, field: op.path.startsWith('@') ? null : fieldLabel(forms.get(key), op.path, language), recordTitle: title });
  }
  return items;
}

/**
 * The refused changes as the sync screen lists them. The live query stays the plain table read (so Dexie sees every
 * change to rejectedOps); labels and titles are looked up afterwards, once per list or language change.
 */
export function useRejectedItems(ops: RejectedOp[] | undefined, language: Language): RejectedItem[] {
  const [items, setItems] = useState<RejectedItem[]>([]);
  useEffect(() => {
    let alive = true;
    if (!ops || ops.length === 0) setItems([]);
    else void describeRejected(appDb(), ops, language).then((described) => { if (alive) setItems(described); });
    return () => { alive = false; };
  }, [ops, language]);
  return items;
}
