// Checks that a non-empty answer has the shape its field type requires (never recursing into unexpected data).
import type { AnswerErrorCode } from '../errors.ts';
import { isDate, isDateTime, isIsoTimestamp, isTime } from '../expr/dates.ts';
import type { FieldDefinition } from '../types.ts';
import { isPhotoMime, isSignatureMime } from './attachment-types.ts';

export interface ValueProblem {
  code: AnswerErrorCode;
  detail: string;
}

export const DEFAULT_MAX_TEXT = 10_000;
export const DEFAULT_MAX_PHOTOS = 10;
const MAX_SHAPE_POINTS = 10_000;
const SHA256 = /^[0-9a-f]{64}$/;

export const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const problem = (code: AnswerErrorCode, detail: string): ValueProblem => ({ code, detail });
const typeProblem = (detail: string): ValueProblem => problem('E_TYPE', detail);

export function validateValue(def: FieldDefinition, value: unknown): ValueProblem | null {
  switch (def.type) {
    case 'text':
    case 'ocr_text':
      if (typeof value !== 'string') return typeProblem('expected a string');
      return value.length > (def.maxLength ?? DEFAULT_MAX_TEXT) ? problem('E_TOO_LONG', `longer than ${def.maxLength ?? DEFAULT_MAX_TEXT}`) : null;
    case 'integer':
      return Number.isSafeInteger(value) ? null : typeProblem('expected a safe integer');
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value) ? null : typeProblem('expected a finite number');
    case 'date':
      return isDate(value) ? null : typeProblem('expected a calendar date YYYY-MM-DD');
    case 'time':
      return isTime(value) ? null : typeProblem('expected HH:MM or HH:MM:SS');
    case 'datetime':
      return isDateTime(value) ? null : typeProblem('expected YYYY-MM-DDTHH:MM[:SS][offset]');
    case 'timestamp':
      return isIsoTimestamp(value) ? null : typeProblem('expected an ISO timestamp with seconds and zone');
    case 'boolean':
      return typeof value === 'boolean' ? null : typeProblem('expected true or false');
    case 'select_one':
      return typeof value === 'string' || typeof value === 'number' ? null : typeProblem('expected a choice value');
    case 'select_multiple':
      if (!Array.isArray(value) || value.length > 1000) return typeProblem('expected an array of choice values');
      return value.every((v) => typeof v === 'string' || typeof v === 'number') ? null : typeProblem('expected an array of choice values');
    case 'geopoint':
      return geopoint(value);
    case 'geoshape':
      return geoshape(value);
    case 'photo':
      return photos(value, def.photo?.maxCount ?? DEFAULT_MAX_PHOTOS);
    case 'signature':
      return attachment(value, isSignatureMime, ['hash', 'mime']);
    default:
      return null;
  }
}

function onlyKeys(value: Record<string, unknown>, allowed: string[]): boolean {
  return Object.keys(value).every((k) => allowed.includes(k));
}

function latLng(value: unknown, extraKeys: string[]): ValueProblem | null {
  if (!isPlainObject(value) || !onlyKeys(value, ['lat', 'lng', ...extraKeys])) return typeProblem('expected {lat, lng}');
  const { lat, lng } = value;
  if (typeof lat !== 'number' || typeof lng !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lng)) return typeProblem('lat and lng must be numbers');
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return problem('E_OUT_OF_RANGE', 'lat must be within ±90 and lng within ±180');
  return null;
}

function geopoint(value: unknown): ValueProblem | null {
  const base = latLng(value, ['accuracy', 'altitude', 'capturedAt']);
  if (base) return base;
  const { accuracy, altitude, capturedAt } = value as Record<string, unknown>;
  if (accuracy !== undefined && (typeof accuracy !== 'number' || !Number.isFinite(accuracy) || accuracy < 0)) return typeProblem('accuracy must be a number ≥ 0');
  if (altitude !== undefined && (typeof altitude !== 'number' || !Number.isFinite(altitude))) return typeProblem('altitude must be a number');
  if (capturedAt !== undefined && !isDateTime(capturedAt)) return typeProblem('capturedAt must be an ISO date-time');
  return null;
}

function geoshape(value: unknown): ValueProblem | null {
  if (!Array.isArray(value) || value.length > MAX_SHAPE_POINTS) return typeProblem('expected an array of {lat, lng}');
  if (value.length < 3) return typeProblem('a shape needs at least 3 points');
  for (const point of value) {
    const p = latLng(point, []);
    if (p) return p;
  }
  return null;
}

function attachment(value: unknown, allowedMime: (mime: unknown) => boolean, keys: string[]): ValueProblem | null {
  if (!isPlainObject(value) || !onlyKeys(value, keys)) return typeProblem(`expected {${keys.join(', ')}}`);
  if (typeof value.hash !== 'string' || !SHA256.test(value.hash)) return typeProblem('hash must be 64 lowercase hex characters (SHA-256)');
  if (!allowedMime(value.mime)) return typeProblem('unsupported mime type');
  if (value.originalHash !== undefined && (typeof value.originalHash !== 'string' || !SHA256.test(value.originalHash))) return typeProblem('originalHash must be a SHA-256');
  for (const key of ['width', 'height']) {
    const n = value[key];
    if (n !== undefined && (!Number.isSafeInteger(n) || (n as number) <= 0)) return typeProblem(`${key} must be a positive integer`);
  }
  return null;
}

function photos(value: unknown, maxCount: number): ValueProblem | null {
  if (!Array.isArray(value) || value.length > 1000) return typeProblem('expected an array of photos');
  if (value.length > maxCount) return problem('E_TOO_MANY', `at most ${maxCount} photos`);
  for (const photo of value) {
    const p = attachment(photo, isPhotoMime, ['hash', 'mime', 'width', 'height', 'originalHash']);
    if (p) return p;
  }
  return null;
}
