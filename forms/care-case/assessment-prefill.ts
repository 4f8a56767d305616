// The first answers of a 認定調査票 started from a case: the applicant's data the office already typed, the visit as 実施日時 and the signed-in assessor as 記入者, kept only where the assessment form has a fitting field.
import { choicesOf, validateValue, type FieldDefinition, type FormDefinition } from '../../src/engine/index.ts';
import type { CaseView } from './case-fields.ts';

/**
 * care-assessment field id → the case value it starts from. The assessment form is CARE's and may change:
 * a key it does not declare, or a value its field refuses, is left out, because the server rejects a whole
 * push batch over one unknown field (E_UNKNOWN_FIELD).
 */
/**
 * A visit stored with its offset ("2026-12-05T10:00+09:00") as the wall-clock time where it happens ("2026-12-05T10:00"):
 * the form's datetime input shows local date and time without a zone, and the visit's own offset is the place's.
 */
export function wallClock(dateTime: string | null): string | null {
  const match = dateTime === null ? null : /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})/.exec(dateTime);
  return match?.[1] ?? null;
}

function candidates(view: CaseView, assessorName: string | null): Record<string, unknown> {
  return {
    // The record title of a 調査票 shows the 申請番号 (forms/care-assessment recordTitle), also where the case is not on the device.
    case_number: view.caseNumber,
    // The survey happens at the scheduled visit, by the assessor who starts it on their tablet.
    survey_datetime: wallClock(view.visitAt),
    surveyor_name: assessorName === null || assessorName.trim() === '' ? null : assessorName.trim(),
    subject_name: view.name,
    subject_sex: view.sex,
    subject_birth_date: view.birthDate,
    subject_address: view.address,
    subject_phone: view.phone,
    // 新規 is a first certification; 更新 and 区分変更 follow an earlier one.
    prior_certification: view.applicationType === null ? null : view.applicationType === 'new' ? 'first' : 'subsequent',
  };
}

function topLevelFields(form: FormDefinition): Map<string, FieldDefinition> {
  const fields = new Map<string, FieldDefinition>();
  for (const section of form.sections) for (const field of section.fields) fields.set(field.id, field);
  return fields;
}

/** `assessorName`: the signed-in user's display name (null when unknown: the field stays empty). */
export function assessmentPrefill(view: CaseView, assessmentForm: FormDefinition, assessorName: string | null = null): Record<string, unknown> {
  const fields = topLevelFields(assessmentForm);
  const answers: Record<string, unknown> = {};
  for (const [id, value] of Object.entries(candidates(view, assessorName))) {
    const field = fields.get(id);
    if (value === null || !field || field.calculate !== undefined) continue;
    if (validateValue(field, value) !== null) continue;
    const choices = field.type === 'select_one' ? choicesOf(assessmentForm, field) : undefined;
    if (choices && !choices.some((c) => c.value === value)) continue;
    answers[id] = value;
  }
  return answers;
}
