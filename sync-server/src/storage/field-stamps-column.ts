// Field stamps ↔ the records.fields column, packed: a stamp shared by several paths (every field of a '@create', every field one op batch set) is written once.
import type { FieldMeta } from './sync-store.ts';

/**
 * Packed text is a JSON ARRAY `[stamps, paths]`: `stamps` holds each distinct stamp once as
 * `[version, hlc, deviceId, opId]`, `paths` maps a field path to its stamp's index. Rows written before packing hold
 * the plain object `{path: {version, hlc, deviceId, opId}}`; both read back to the same value, so no migration
 * rewrites old rows. A new record's ~12 identical stamps took ~1.6 KB of the ~2.7 KB row (one 4 KiB page per
 * record); packed they take ~350 bytes.
 */
type PackedStamp = [version: number, hlc: string, deviceId: string, opId: string];
type PackedFields = [stamps: PackedStamp[], paths: Record<string, number>];

export function fieldStampsToText(fields: Record<string, FieldMeta>): string {
  const stamps: PackedStamp[] = [];
  // Fields a merge stamped together usually share one stamp object: look it up by identity first, by value second.
  const bySameObject = new Map<FieldMeta, number>();
  const bySameValue = new Map<string, number>();
  const paths: Record<string, number> = {};
  for (const path in fields) {
    const meta = fields[path]!;
    let index = bySameObject.get(meta);
    if (index === undefined) {
      // The key cannot collide: none of the four parts holds a NUL.
      const key = `${meta.version}\u0000${meta.hlc}\u0000${meta.deviceId}\u0000${meta.opId}`;
      index = bySameValue.get(key);
      if (index === undefined) {
        index = stamps.push([meta.version, meta.hlc, meta.deviceId, meta.opId]) - 1;
        bySameValue.set(key, index);
      }
      bySameObject.set(meta, index);
    }
    paths[path] = index;
  }
  return JSON.stringify([stamps, paths] satisfies PackedFields);
}

export function fieldStampsFromText(text: string): Record<string, FieldMeta> {
  const parsed = JSON.parse(text) as PackedFields | Record<string, FieldMeta>;
  if (!Array.isArray(parsed)) return parsed; // written before packing
  const [stamps, paths] = parsed;
  const metas = stamps.map(([version, hlc, deviceId, opId]): FieldMeta => ({ version, hlc, deviceId, opId }));
  const fields: Record<string, FieldMeta> = {};
  // Each path gets its own object: callers may change one field's stamp without touching the others.
  for (const [path, index] of Object.entries(paths)) fields[path] = { ...metas[index]! };
  return fields;
}
