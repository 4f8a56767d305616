// The office's "new case" form as plain strings → the body of POST /api/office/care/cases, with the problems the office can see before sending (pure).
import { APPLICATION_TYPES, SEXES, type ApplicationType, type Sex } from '../../../../forms/care-case/case-fields.ts';
import type { Localized } from '../../../engine/types.ts';
import type { CreateCaseRequest } from '../../../protocol/care/case-requests.ts';

/** What the inputs hold: text as typed, '' when empty; visitAt as an <input type="datetime-local"> value. */
export interface CaseDraft {
  assigneeId: string;
  caseNumber: string;
  applicationDate: string;
  applicationType: ApplicationType;
  insuredNumber: string;
  name: string;
  nameKana: string;
  birthDate: string;
  sex: Sex | '';
  address: string;
  phone: string;
  lat: string;
  lng: string;
  preferredTimes: string;
  visitAt: string;
}

export const EMPTY_CASE_DRAFT: CaseDraft = {
  assigneeId: '', caseNumber: '', applicationDate: '', applicationType: 'new', insuredNumber: '', name: '', nameKana: '', birthDate: '',
  sex: '', address: '', phone: '', lat: '', lng: '', preferredTimes: '', visitAt: '',
};

export type DraftProblem = 'required' | 'date' | 'digits10' | 'location' | 'datetime' | 'choice';
export type DraftProblems = Partial<Record<keyof CaseDraft, DraftProblem>>;

/**
 * The visit is in the municipality's time zone: the cases and their KPIs are counted in JST, and the
 * office PC and the tablets are in Japan. The tablet writes the same form ('2025-04-03T10:00+09:00').
 */
const JST = '+09:00';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_DATETIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?$/;

/** Full-width digits and stray spaces (typed with a Japanese IME) read as the plain number. */
export function normalizeDigits(value: string): string {
  return value.normalize('NFKC').replace(/[\s-]/g, '');
}

function parseCoordinate(text: string, limit: number): number | null {
  const normalized = text.normalize('NFKC').trim();
  if (!/^-?\d+(\.\d+)?$/.test(normalized)) return null;
  const value = Number(normalized);
  return Math.abs(value) <= limit ? value : null;
}

/** What blocks sending, per input; the form's own checks (future dates, kana, phone) are the server's, shown from its answer. */
export function draftProblems(draft: CaseDraft): DraftProblems {
  const problems: DraftProblems = {};
  if (!draft.assigneeId) problems.assigneeId = 'required';
  if (!draft.caseNumber.trim()) problems.caseNumber = 'required';
  if (!draft.applicationDate) problems.applicationDate = 'required';
  else if (!DATE.test(draft.applicationDate)) problems.applicationDate = 'date';
  if (!APPLICATION_TYPES.includes(draft.applicationType)) problems.applicationType = 'choice';
  if (!draft.insuredNumber.trim()) problems.insuredNumber = 'required';
  else if (!/^\d{10}$/.test(normalizeDigits(draft.insuredNumber))) problems.insuredNumber = 'digits10';
  if (!draft.name.trim()) problems.name = 'required';
  if (draft.birthDate && !DATE.test(draft.birthDate)) problems.birthDate = 'date';
  if (draft.sex && !SEXES.includes(draft.sex)) problems.sex = 'choice';
  const hasLat = draft.lat.trim() !== '';
  const hasLng = draft.lng.trim() !== '';
  if (hasLat || hasLng) {
    if (parseCoordinate(draft.lat, 90) === null) problems.lat = 'location';
    if (parseCoordinate(draft.lng, 180) === null) problems.lng = 'location';
  }
  if (draft.visitAt && !LOCAL_DATETIME.test(draft.visitAt)) problems.visitAt = 'datetime';
  return problems;
}

/** The request body: trimmed, optional inputs left out when empty. Call only when draftProblems() is empty. */
export function caseRequestOf(draft: CaseDraft): CreateCaseRequest {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const lat = parseCoordinate(draft.lat, 90);
  const lng = parseCoordinate(draft.lng, 180);
  const visit = LOCAL_DATETIME.exec(draft.visitAt);
  const body: CreateCaseRequest = {
    assigneeId: draft.assigneeId,
    caseNumber: draft.caseNumber.trim(),
    applicationDate: draft.applicationDate,
    applicationType: draft.applicationType,
    insuredNumber: normalizeDigits(draft.insuredNumber),
    name: draft.name.trim(),
    nameKana: optional(draft.nameKana),
    birthDate: optional(draft.birthDate),
    sex: draft.sex || undefined,
    address: optional(draft.address),
    phone: optional(draft.phone),
    location: lat !== null && lng !== null ? { lat, lng } : undefined,
    preferredTimes: optional(draft.preferredTimes),
    visitAt: visit ? `${visit[1]}${JST}` : undefined,
  };
  // JSON would drop them anyway; leaving them out keeps the body equal to what the server parses.
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as unknown as CreateCaseRequest;
}

/** The server's `details.issues` of a refused case (422 E_CARE_CASE_INVALID: the form's field errors), read tolerantly. */
export function caseIssuesOf(details: unknown): { path: string; message: Localized }[] {
  const issues = (details as { issues?: unknown } | null | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((issue: unknown) => {
    const { path, message } = (issue ?? {}) as { path?: unknown; message?: unknown };
    if (typeof path !== 'string') return [];
    if (typeof message === 'string') return [{ path, message: { ja: message } }];
    const text = message as { ja?: unknown; en?: unknown } | null | undefined;
    if (typeof text?.ja !== 'string') return [];
    return [{ path, message: typeof text.en === 'string' ? { ja: text.ja, en: text.en } : { ja: text.ja } }];
  });
}
