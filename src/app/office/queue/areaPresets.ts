// A few named areas for the review queue's area filter (bounding boxes, WGS84); a municipality replaces them with its own districts.

export type Bbox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

export interface AreaPreset {
  id: string;
  label: { ja: string; en: string };
  bbox: Bbox;
}

export const AREA_PRESETS: readonly AreaPreset[] = [
  { id: 'tokyo-23', label: { ja: '東京23区', en: 'Tokyo 23 wards' }, bbox: [139.56, 35.52, 139.92, 35.82] },
  { id: 'osaka-city', label: { ja: '大阪市', en: 'Osaka city' }, bbox: [135.38, 34.56, 135.59, 34.75] },
  { id: 'kyoto-city', label: { ja: '京都市', en: 'Kyoto city' }, bbox: [135.56, 34.88, 135.88, 35.32] },
  { id: 'japan', label: { ja: '日本全域', en: 'All of Japan' }, bbox: [122.9, 24.0, 154.0, 45.6] },
];

export function presetById(id: string): AreaPreset | undefined {
  return AREA_PRESETS.find((preset) => preset.id === id);
}
