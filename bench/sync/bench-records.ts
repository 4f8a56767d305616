// Deterministic ~1 KB field-check records for the sync benchmark (valid for the form, so the real push path accepts them).
import { v7 as uuidv7 } from 'uuid';

const CITIES: Record<string, string[]> = { higashi: ['midori', 'aoba'], nishi: ['umibe'] };
const DEFECTS = ['leak', 'crack', 'rust', 'other'];
const NOTE = '外壁に軽微なひび割れあり。雨樋の一部に詰まり、北側の基礎周りに湿気。次回訪問時に再確認する。Minor cracks on the outer wall; the gutter is partly blocked and the north foundation is damp. ';

export interface BenchRecord {
  id: string;
  answers: Record<string, unknown>;
}

/** n records of about 1,000 bytes of JSON answers each (Japanese text is 3 bytes a character in UTF-8). */
export function makeBenchRecords(n: number, today = new Date()): BenchRecord[] {
  const records: BenchRecord[] = [];
  for (let i = 0; i < n; i++) {
    const prefecture = i % 3 === 2 ? 'nishi' : 'higashi';
    const cities = CITIES[prefecture]!;
    records.push({
      // Time-ordered, as the device makes record ids (src/data/records.ts).
      id: uuidv7(),
      answers: {
        inspector_name: `調査員 ${i % 97}`,
        survey_date: new Date(today.getTime() - ((i % 30) + 1) * 86_400_000).toISOString().slice(0, 10),
        prefecture,
        city: cities[i % cities.length],
        building_count: i % 12,
        location: { lat: 35 + (i % 1000) / 10_000, lng: 135 + (i % 777) / 10_000, accuracy: 5 + (i % 20) },
        equipment_ok: i % 2 === 0,
        defects: [DEFECTS[i % 4], DEFECTS[(i + 1) % 4]],
        overall_notes: `${NOTE}#${i} ${NOTE}`,
      },
    });
  }
  return records;
}

export function averageJsonBytes(records: BenchRecord[]): number {
  const sample = records.slice(0, 100);
  return Math.round(sample.reduce((sum, r) => sum + Buffer.byteLength(JSON.stringify(r.answers)), 0) / Math.max(1, sample.length));
}
