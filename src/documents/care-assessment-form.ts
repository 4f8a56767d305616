// The ids the 調査票 document relies on in forms/care-assessment (field ids only — every label and choice is read from the definition).
// Small and free of pdf-lib, so the editor can ask "does this record get a 調査票 PDF?" without loading the builder.

export const CARE_ASSESSMENT_FORM_ID = 'care-assessment';

/** The 特記事項 repeat and its fields (forms/care-assessment/README.md). */
export const TOKKI = { repeat: 'tokki', item: 'tokki_item', text: 'tokki_text' } as const;

/** An official item number as used for field ids: "1-3", "2-12", "6", "7-1" (also "6-3" in 特記事項). */
export const ITEM_NUMBER = /^\d+(?:-\d+)?$/;

export function hasCareAssessmentPdf(formId: string): boolean {
  return formId === CARE_ASSESSMENT_FORM_ID;
}

/** 「（1-3）」 or "(1-3)" at the start of a 特記事項: how a note names its item (the picker writes it; the PDF prints the number in its own column). */
export const LEADING_ITEM_BRACKET = /^\s*[（(]\s*(\d+(?:-\d+)?)\s*[）)]/;

/** The fields the PDF's file name is made of (forms/care-assessment). */
export const FILE_NAME_FIELDS = { caseNumber: 'case_number', name: 'subject_name', surveyedAt: 'survey_datetime' } as const;

const MAX_NAME_PART = 40;

/** One part of a file name: no characters a file system refuses or treats specially, one line, bounded; '' when nothing is left. */
function fileNamePart(value: unknown): string {
  if (typeof value !== 'string') return '';
  // Windows refuses \ / : * ? " < > |; control characters and line breaks are never wanted; "_" separates the parts.
  // eslint-disable-next-line no-control-regex
  const cleaned = value.replace(/[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u2028\u2029_]+/g, ' ').replace(/\s+/g, ' ').trim();
  // A leading dot hides the file; a trailing dot or space is dropped by Windows.
  return Array.from(cleaned).slice(0, MAX_NAME_PART).join('').replace(/^[.\s]+|[.\s]+$/g, '');
}

/**
 * The file name of a record's PDF: 調査票_<申請番号>_<氏名>_<調査日>.pdf, each part made safe for file systems. A
 * missing part is left out; without both 申請番号 and 氏名 the record id names the file (調査票_<record id>_<調査日>.pdf).
 */
export function carePdfFileName(recordId: string, answers: Record<string, unknown> = {}): string {
  const caseNumber = fileNamePart(answers[FILE_NAME_FIELDS.caseNumber]);
  const name = fileNamePart(answers[FILE_NAME_FIELDS.name]);
  const surveyed = answers[FILE_NAME_FIELDS.surveyedAt];
  const date = typeof surveyed === 'string' && /^\d{4}-\d{2}-\d{2}/.test(surveyed) ? surveyed.slice(0, 10) : '';
  const who = caseNumber || name ? [caseNumber, name] : [recordId.replace(/[^A-Za-z0-9-]/g, '-')];
  return `${['調査票', ...who, date].filter((part) => part !== '').join('_')}.pdf`;
}
