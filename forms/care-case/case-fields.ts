// The care-case form's ids and a tolerant reader of one case's answers, shared by the server (office list, seed) and the tablet (schedule).

export const CARE_CASE_FORM_ID = 'care-case';
/** The 認定調査票 form a case's assessment is made with (written in forms/care-assessment/). */
export const CARE_ASSESSMENT_FORM_ID = 'care-assessment';

/** Field ids of forms/care-case/form.json; the form is the source of truth, these names only spare typos. */
export const CASE_FIELDS = {
  caseNumber: 'case_number',
  applicationDate: 'application_date',
  applicationType: 'application_type',
  insuredNumber: 'insured_number',
  name: 'name',
  nameKana: 'name_kana',
  birthDate: 'birth_date',
  sex: 'sex',
  address: 'address',
  phone: 'phone',
  location: 'location',
  preferredTimes: 'preferred_times',
  visitAt: 'visit_at',
  calls: 'calls',
  assessmentRecordId: 'assessment_record_id',
} as const;

export const APPLICATION_TYPES = ['new', 'renewal', 'change'] as const;
export type ApplicationType = (typeof APPLICATION_TYPES)[number];
export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];
export const CALL_RESULTS = ['reached', 'no_answer', 'callback', 'scheduled'] as const;
export type CallResult = (typeof CALL_RESULTS)[number];

export interface CaseCall {
  at: string;
  result: CallResult | null;
  memo: string;
}

/** One case as the screens and the office list use it; anything missing or of the wrong shape reads as null. */
export interface CaseView {
  caseNumber: string | null;
  applicationDate: string | null;
  applicationType: ApplicationType | null;
  insuredNumber: string | null;
  name: string | null;
  nameKana: string | null;
  birthDate: string | null;
  sex: Sex | null;
  address: string | null;
  phone: string | null;
  location: { lat: number; lng: number } | null;
  preferredTimes: string | null;
  visitAt: string | null;
  calls: CaseCall[];
  assessmentRecordId: string | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
const oneOf = <T extends string>(list: readonly T[], value: unknown): T | null => (list as readonly unknown[]).includes(value) ? (value as T) : null;

function point(value: unknown): { lat: number; lng: number } | null {
  const v = value as { lat?: unknown; lng?: unknown } | null;
  if (!v || typeof v.lat !== 'number' || typeof v.lng !== 'number') return null;
  if (!Number.isFinite(v.lat) || !Number.isFinite(v.lng) || Math.abs(v.lat) > 90 || Math.abs(v.lng) > 180) return null;
  return { lat: v.lat, lng: v.lng };
}

function calls(value: unknown): CaseCall[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null && !Array.isArray(entry))
    .map((entry) => ({ at: text(entry.call_at) ?? '', result: oneOf(CALL_RESULTS, entry.call_result), memo: text(entry.call_memo) ?? '' }));
}

/** Reads a case from its answers (pulled or stored rows are data from elsewhere: never trusted to have the right shapes). */
export function readCase(answers: Record<string, unknown>): CaseView {
  const f = CASE_FIELDS;
  return {
    caseNumber: text(answers[f.caseNumber]),
    applicationDate: text(answers[f.applicationDate]),
    applicationType: oneOf(APPLICATION_TYPES, answers[f.applicationType]),
    insuredNumber: text(answers[f.insuredNumber]),
    name: text(answers[f.name]),
    nameKana: text(answers[f.nameKana]),
    birthDate: text(answers[f.birthDate]),
    sex: oneOf(SEXES, answers[f.sex]),
    address: text(answers[f.address]),
    phone: text(answers[f.phone]),
    location: point(answers[f.location]),
    preferredTimes: text(answers[f.preferredTimes]),
    visitAt: text(answers[f.visitAt]),
    calls: calls(answers[f.calls]),
    assessmentRecordId: text(answers[f.assessmentRecordId]),
  };
}
