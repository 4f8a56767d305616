// GeoJSON export: a FeatureCollection with one Feature per record, a Point from the record's summary place (null geometry when it has none).
import type { ExportTable } from './export-rows.ts';

export interface GeoJsonFeatureCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    id: string;
    geometry: { type: 'Point'; coordinates: [number, number] } | null;
    properties: Record<string, string | number | boolean | null>;
  }[];
}

export function toGeoJson(table: ExportTable): GeoJsonFeatureCollection {
  return {
    type: 'FeatureCollection',
    features: table.rows.map((row) => {
      const lat = row[table.latIndex];
      const lon = row[table.lonIndex];
      const properties = Object.fromEntries(table.header.map((name, i) => [name, row[i] ?? null]));
      return {
        type: 'Feature' as const,
        id: String(row[0]),
        // RFC 7946: longitude first.
        geometry: typeof lat === 'number' && typeof lon === 'number' ? { type: 'Point' as const, coordinates: [lon, lat] as [number, number] } : null,
        properties,
      };
    }),
  };
}
