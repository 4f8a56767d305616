// Benchmark data: N survey records of about 1 KB each, the same for the Genba store and the raw baseline.
import type { RecordRow } from '../../src/data/records.ts';

const FORMS = ['care-assessment', 'ambulance', 'disaster-damage', 'vacant-house'];
const STATUSES: RecordRow['status'][] = ['draft', 'ready', 'submitted'];

export function makeRows(count: number, seed: number): RecordRow[] {
  const base = Date.UTC(2025, 4, 1, 9, 0, 0);
  const rows: RecordRow[] = [];
  for (let i = 0; i < count; i++) {
    const at = new Date(base + i * 1000 + seed).toISOString();
    const hlc = `${at}-0000-9f86d081884c7d65`;
    rows.push({
      id: `0190b6f2-${String(seed).padStart(4, '0')}-7d3e-9f86-${String(i).padStart(12, '0')}`,
      formId: FORMS[i % FORMS.length] as string,
      formVersion: 3,
      answers: {
        name: `山田 太郎 ${i}`,
        kana: 'ヤマダ タロウ',
        age: 60 + (i % 40),
        address: { pref: '東京都', city: '千代田区', line: `千代田1-${i % 100}-${i % 7}` },
        visits: [{ date: '2025-04-30', note: '自宅を訪問し、本人と家族から聞き取りを行った。' }, { date: '2025-05-01', note: '再訪問。' }],
        adl: { walking: 2, standing: 1, bathing: 3, eating: 1, toileting: 2 },
        notes: '特記事項：屋内の移動は手すりを使用。夜間のトイレ移動に介助が必要。家族の介護負担が大きい。主介護者は長女で、週3回の通所介護を利用している。',
      },
      fieldClocks: { name: hlc, age: hlc, 'address.city': hlc, notes: hlc },
      status: STATUSES[i % STATUSES.length] as RecordRow['status'],
      errorCount: i % 5 === 0 ? 1 : 0,
      acknowledgedWarnings: {},
      title: `山田 太郎 ${i}`,
      deviceId: '0190b6f2-4a1c-7d3e-9f86-d081884c7d65',
      createdAt: at,
      updatedAt: at,
    });
  }
  return rows;
}
