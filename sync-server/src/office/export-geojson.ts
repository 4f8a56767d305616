// GeoJSON export: a FeatureCollection with one Feature per record — its first geopoint (Point) or geoshape (Polygon), null geometry when it has no place — and the columns as properties.
import type { Cell } from './answer-columns.ts';
import type { ExportTable } from './export-rows.ts';
import type { Geometry } from './record-geometry.ts';

export interface GeoJsonFeatureCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    id: string;
    geometry: Geometry | null;
    properties: Record<string, Cell>;
  }[];
}

/** `values: 'labels'` (default): Japanese headers as keys and labels as values; `'codes'`: internal names and codes. */
export function toGeoJson(table: ExportTable, values: 'labels' | 'codes'): GeoJsonFeatureCollection {
  const rows = values === 'codes' ? table.codeRows : table.labelRows;
  const keys = table.columns.map((c) => (values === 'codes' ? c.key : c.header));
  return {
    type: 'FeatureCollection',
    features: rows.map((row, i) => ({
      type: 'Feature' as const,
      id: String(table.codeRows[i]![0]),
      geometry: table.geometries[i] ?? null,
      properties: Object.fromEntries(keys.map((key, j) => [key, row[j] ?? null])),
    })),
  };
}
