// Building blocks shared by the wire messages: ids, HLC strings, bounded JSON values and localized text.
import { z } from 'zod';
import { parse as parseHlc } from './hlc.ts';

/** Device ids: uuids in practice; anything without ':' or spaces (the opId separator) up to 100 chars. */
export const DEVICE_ID_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;
/** Form ids follow the engine's id rule. */
export const FORM_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Deepest nesting accepted in a value (a photo list in a repeat is 4 levels); deeper is hostile. */
export const MAX_VALUE_DEPTH = 32;
/** Most nodes in one value (arrays/objects/scalars), so one op cannot hold a megabyte of tiny items. */
export const MAX_VALUE_NODES = 20_000;

export const DeviceIdSchema = z.string().regex(DEVICE_ID_PATTERN, 'device ids are 1–100 letters, digits, ".", "_" or "-"');
export const RecordIdSchema = z.string().regex(UUID_PATTERN, 'record ids are UUIDs');
export const FormIdSchema = z.string().regex(FORM_ID_PATTERN, 'form ids are 1–64 letters, digits, "_" or "-"');
export const HlcSchema = z.string().max(64).refine((s) => parseHlc(s).ok, 'not a hybrid logical clock timestamp');
/** Text in Japanese, optionally in English too (the engine's Localized). */
export const LocalizedSchema = z.strictObject({ ja: z.string(), en: z.string().optional() });
export const SeqSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** Iterative (a hostile value cannot overflow the stack): true when `value` is plain JSON within the limits. */
export function isBoundedJson(value: unknown): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  let nodes = 0;
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (++nodes > MAX_VALUE_NODES || depth > MAX_VALUE_DEPTH) return false;
    if (current === null || typeof current === 'string' || typeof current === 'boolean') continue;
    if (typeof current === 'number') {
      if (!Number.isFinite(current)) return false;
      continue;
    }
    if (Array.isArray(current)) {
      for (const item of current) stack.push([item, depth + 1]);
      continue;
    }
    if (typeof current !== 'object' || Object.getPrototypeOf(current) !== Object.prototype && Object.getPrototypeOf(current) !== null) return false;
    for (const [key, item] of Object.entries(current as Record<string, unknown>)) {
      if (key === '__proto__') return false;
      stack.push([item, depth + 1]);
    }
  }
  return true;
}

/** Any JSON value (null included, undefined not), bounded in depth and size. */
export const JsonValueSchema = z
  .unknown()
  .refine((v): boolean => v !== undefined, 'a value is required (null clears the answer)')
  .refine(isBoundedJson, `not a JSON value, or nested deeper than ${MAX_VALUE_DEPTH} / more than ${MAX_VALUE_NODES} items`);
