// Made-up 要介護認定 cases for the demo assessor (no real people or places: 「見本」 names in the fictional town ひがし県みほん町).
import type { CreateCaseRequest } from '../../../src/protocol/care/case-requests.ts';

export interface DemoCase {
  /** Username of the assessor the case is assigned to. */
  assignee: string;
  request: Omit<CreateCaseRequest, 'assigneeId'>;
}

const DAY_MS = 86_400_000;
const JST_MS = 9 * 3_600_000;

/** Dates are relative to the seed time in JST, so the schedule always has visits today, tomorrow and later this week. */
export function demoCases(today: Date): DemoCase[] {
  const jstDay = (offsetDays: number) => new Date(today.getTime() + JST_MS + offsetDays * DAY_MS).toISOString().slice(0, 10);
  const at = (offsetDays: number, time: string) => `${jstDay(offsetDays)}T${time}+09:00`;
  const base = { applicationType: 'new' as const, sex: 'female' as const };
  return [
    {
      assignee: 'assessor',
      request: {
        ...base, caseNumber: 'DEMO-0001', applicationDate: jstDay(-9), applicationType: 'renewal', insuredNumber: '0000000101',
        name: '見本 花子', nameKana: 'みほん はなこ', birthDate: '1940-05-10', address: 'ひがし県みほん町さくら1-2-3',
        phone: '0123-45-6701', location: { lat: 35.0012, lng: 135.0034 }, preferredTimes: '平日の午前（夫が在宅）', visitAt: at(0, '10:00'),
      },
    },
    {
      assignee: 'assessor',
      request: {
        caseNumber: 'DEMO-0002', applicationDate: jstDay(-7), applicationType: 'new', insuredNumber: '0000000102', sex: 'male',
        name: '見本 太郎', nameKana: 'みほん たろう', birthDate: '1938-11-03', address: 'ひがし県みほん町かえで4-5',
        phone: '0123-45-6702', location: { lat: 35.0101, lng: 135.0122 }, preferredTimes: '午後2時以降（長女が同席）', visitAt: at(1, '14:00'),
      },
    },
    {
      assignee: 'assessor',
      request: {
        ...base, caseNumber: 'DEMO-0003', applicationDate: jstDay(-5), applicationType: 'change', insuredNumber: '0000000103',
        name: '試験 さくら', nameKana: 'しけん さくら', birthDate: '1945-02-14', address: 'ひがし県みほん町みなと2-8-1 みほん荘203',
        phone: '0123-45-6703', location: { lat: 34.9954, lng: 135.0201 }, preferredTimes: '火曜・木曜（デイサービスのない日）', visitAt: at(3, '10:30'),
      },
    },
    {
      assignee: 'assessor',
      request: {
        ...base, caseNumber: 'DEMO-0004', applicationDate: jstDay(-2), insuredNumber: '0000000104',
        name: '見本 次子', nameKana: 'みほん つぎこ', birthDate: '1942-08-20', address: 'ひがし県みほん町やまのべ7',
        phone: '0123-45-6704', preferredTimes: '日程未定（家族と調整中）',
      },
    },
  ];
}
