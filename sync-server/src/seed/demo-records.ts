// Made-up field-check records for the demo (no real people or places), created by the office and assigned to field users.

export interface DemoRecord {
  /** Username of the field user the record is assigned to. */
  assignee: string;
  answers: Record<string, unknown>;
}

/** Dates are days before the seed time, so "survey date is not in the future" always holds. */
export function demoRecords(today: Date): DemoRecord[] {
  const daysAgo = (days: number) => new Date(today.getTime() - days * 86_400_000).toISOString().slice(0, 10);
  return [
    {
      assignee: 'surveyor',
      answers: { inspector_name: '調査 太郎', survey_date: daysAgo(2), prefecture: 'higashi', city: 'midori', building_count: 2, location: { lat: 35.0012, lng: 135.0034, accuracy: 8 }, defects: ['leak'] },
    },
    {
      assignee: 'surveyor',
      answers: { inspector_name: '調査 太郎', survey_date: daysAgo(1), prefecture: 'higashi', city: 'aoba', building_count: 1, equipment_ok: true, defects: ['none'] },
    },
    {
      assignee: 'assessor',
      answers: { inspector_name: '認定 花子', survey_date: daysAgo(3), prefecture: 'nishi', city: 'umibe', building_count: 3, defects: ['crack', 'rust'] },
    },
  ];
}
