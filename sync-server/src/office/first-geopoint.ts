// A record's place for maps and exports: the first geopoint answer in form order (groups included, then a repeat's first entry).
import type { FieldDefinition, FormDefinition } from '../../../src/engine/index.ts';

export interface LatLon {
  lat: number;
  lon: number;
}

/** A stored {lat, lng} within WGS84 bounds, or null (also used for the GeoJSON geometry, record-geometry.ts). */
export function asPoint(value: unknown): LatLon | null {
  if (typeof value !== 'object' || value === null) return null;
  const { lat, lng } = value as { lat?: unknown; lng?: unknown };
  if (typeof lat !== 'number' || typeof lng !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lng)) return null;
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  return { lat, lon: lng };
}

function search(fields: readonly FieldDefinition[], answers: unknown): LatLon | null {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) return null;
  const values = answers as Record<string, unknown>;
  for (const field of fields) {
    const value = values[field.id];
    if (field.type === 'geopoint') {
      const point = asPoint(value);
      if (point) return point;
    } else if (field.type === 'group' && field.fields) {
      const point = search(field.fields, value);
      if (point) return point;
    } else if (field.type === 'repeat' && field.fields && Array.isArray(value)) {
      for (const entry of value) {
        const point = search(field.fields, entry);
        if (point) return point;
      }
    }
  }
  return null;
}

export function firstGeopoint(form: FormDefinition | undefined, answers: Record<string, unknown>): LatLon | null {
  if (!form) return null;
  for (const section of form.sections) {
    const point = search(section.fields, answers);
    if (point) return point;
  }
  return null;
}
