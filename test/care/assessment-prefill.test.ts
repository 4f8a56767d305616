// Starting a 調査票 from a case: the applicant's data, the visit and the signed-in assessor fill the assessment's fields that exist and accept them, nothing else.
import { describe, expect, it } from 'vitest';
import { parseForm } from '../../src/engine/index.ts';
import { assessmentPrefill, wallClock } from '../../forms/care-case/assessment-prefill.ts';
import { readCase } from '../../forms/care-case/case-fields.ts';
import { loadFormCatalog } from '../../sync-server/src/forms/catalog.ts';

const caseAnswers = {
  case_number: 'C-1', application_type: 'renewal', name: '見本 花子', sex: 'female', birth_date: '1940-05-10',
  address: 'ひがし県みほん町さくら1-2-3', phone: '0123-45-6789', visit_at: '2025-04-03T10:00+09:00',
};

describe('assessmentPrefill', () => {
  it('fills the subject of CARE\'s care-assessment form', () => {
    const form = loadFormCatalog().get('care-assessment')!;
    expect(assessmentPrefill(readCase(caseAnswers), form)).toEqual({
      survey_datetime: '2025-04-03T10:00',
      case_number: 'C-1', subject_name: '見本 花子', subject_sex: 'female', subject_birth_date: '1940-05-10',
      subject_address: 'ひがし県みほん町さくら1-2-3', subject_phone: '0123-45-6789', prior_certification: 'subsequent',
    });
    expect(assessmentPrefill(readCase({ ...caseAnswers, application_type: 'new' }), form).prior_certification).toBe('first');
  });

  it('takes 実施日時 from the scheduled visit (its wall-clock time) and 記入者 from the signed-in assessor', () => {
    const form = loadFormCatalog().get('care-assessment')!;
    const prefill = assessmentPrefill(readCase(caseAnswers), form, ' 調査 太郎 ');
    expect(prefill).toMatchObject({ survey_datetime: '2025-04-03T10:00', surveyor_name: '調査 太郎' });
    expect(assessmentPrefill(readCase({ ...caseAnswers, visit_at: undefined }), form, '')).not.toHaveProperty('survey_datetime');
    expect(assessmentPrefill(readCase(caseAnswers), form, '')).not.toHaveProperty('surveyor_name');
    expect(wallClock('2025-04-03T23:30:00Z')).toBe('2025-04-03T23:30');
    expect(wallClock('soon')).toBeNull();
  });

  it('leaves out fields the form lacks, values a field refuses and calculated fields', () => {
    const parsed = parseForm({
      id: 'a', version: 1, title: { ja: 'A' },
      sections: [{ id: 's', title: { ja: 'S' }, fields: [
        { id: 'subject_name', type: 'text', label: { ja: '氏名' }, maxLength: 3 },
        { id: 'subject_sex', type: 'select_one', label: { ja: '性別' }, choices: [{ value: 'm', label: { ja: '男' } }] },
        { id: 'subject_phone', type: 'text', label: { ja: '電話' }, calculate: "'x'" },
        { id: 'subject_birth_date', type: 'date', label: { ja: '生年月日' } },
      ] }],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(assessmentPrefill(readCase(caseAnswers), parsed.form)).toEqual({ subject_birth_date: '1940-05-10' });
  });

  it('reads damaged case answers as missing, never as wrong values', () => {
    const view = readCase({ name: 12, sex: 'other', location: { lat: 'x', lng: 1 }, calls: [{ call_at: '2025-04-01T09:00+09:00', call_result: 'maybe' }, 'junk'] });
    expect(view).toMatchObject({ name: null, sex: null, location: null, calls: [{ at: '2025-04-01T09:00+09:00', result: null, memo: '' }] });
  });
});
