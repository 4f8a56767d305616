// A record's GeoJSON geometry (RFC 7946, [lon, lat]): its first geopoint as a Point or first geoshape as a Polygon, in form order; null without a place.
import type { FieldDefinition, FormDefinition } from '../../../src/engine/index.ts';
import { asPoint } from './first-geopoint.ts';

export type Geometry = { type: 'Point'; coordinates: [number, number] } | { type: 'Polygon'; coordinates: [number, number][][] };

function lonLat(value: unknown): [number, number] | null {
  const point = asPoint(value);
  return point ? [point.lon, point.lat] : null;
}

/** A shape's points as a closed ring (first point repeated at the end, as RFC 7946 requires); null unless ≥ 3 valid points. */
function polygon(value: unknown): Geometry | null {
  if (!Array.isArray(value)) return null;
  const ring = value.map(lonLat);
  if (ring.length < 3 || ring.some((p) => p === null)) return null;
  const points = ring as [number, number][];
  const [first, last] = [points[0]!, points.at(-1)!];
  const closed = first[0] === last[0] && first[1] === last[1] ? points : [...points, first];
  return closed.length >= 4 ? { type: 'Polygon', coordinates: [closed] } : null;
}

function search(fields: readonly FieldDefinition[], answers: unknown): Geometry | null {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) return null;
  const values = answers as Record<string, unknown>;
  for (const field of fields) {
    const value = values[field.id];
    let found: Geometry | null = null;
    if (field.type === 'geopoint') {
      const point = lonLat(value);
      found = point ? { type: 'Point', coordinates: point } : null;
    } else if (field.type === 'geoshape') {
      found = polygon(value);
    } else if (field.type === 'group' && field.fields) {
      found = search(field.fields, value);
    } else if (field.type === 'repeat' && field.fields && Array.isArray(value)) {
      for (const entry of value) {
        found = search(field.fields, entry);
        if (found) break;
      }
    }
    if (found) return found;
  }
  return null;
}

export function recordGeometry(form: FormDefinition | undefined, answers: Record<string, unknown>): Geometry | null {
  if (!form) return null;
  for (const section of form.sections) {
    const found = search(section.fields, answers);
    if (found) return found;
  }
  return null;
}
