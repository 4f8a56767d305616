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

/** The file name of a record's PDF: 調査票_<record id>.pdf (characters unsafe in file names replaced). */
export function carePdfFileName(recordId: string): string {
  return `調査票_${recordId.replace(/[^A-Za-z0-9_-]/g, '_')}.pdf`;
}
