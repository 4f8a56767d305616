// The 調査票 PDF's file name: 調査票_<申請番号>_<氏名>_<調査日>.pdf, safe on every file system, with sensible fallbacks.
import { describe, expect, it } from 'vitest';
import { carePdfFileName } from '../../src/documents/care-assessment-form.ts';

const ID = '0195f0c2-7a3b-7cc4-9a51-5a0c1f2e3d4b';

describe('carePdfFileName', () => {
  it('names the applicant, the 申請番号 and the survey date', () => {
    expect(carePdfFileName(ID, { case_number: 'R7-0042', subject_name: '見本 花子', survey_datetime: '2025-03-28T10:00+09:00' })).toBe('調査票_R7-0042_見本 花子_2025-03-28.pdf');
  });

  it('leaves a missing part out, and uses the record id only when both 申請番号 and 氏名 are missing', () => {
    expect(carePdfFileName(ID, { subject_name: '見本 花子', survey_datetime: '2025-03-28T10:00' })).toBe('調査票_見本 花子_2025-03-28.pdf');
    expect(carePdfFileName(ID, { case_number: 'R7-0042' })).toBe('調査票_R7-0042.pdf');
    expect(carePdfFileName(ID, { survey_datetime: '2025-03-28T10:00' })).toBe(`調査票_${ID}_2025-03-28.pdf`);
    expect(carePdfFileName(ID)).toBe(`調査票_${ID}.pdf`);
    expect(carePdfFileName(ID, { subject_name: '   ', survey_datetime: 'yesterday' })).toBe(`調査票_${ID}.pdf`);
  });

  it('removes what file systems refuse or treat specially, and bounds each part', () => {
    const name = carePdfFileName(ID, { case_number: '../R7/0042:*?', subject_name: '見本\u0000 "花子"<>|\n\t二行目_', survey_datetime: '2025-03-28' });
    expect(name).toBe('調査票_R7 0042_見本 花子 二行目_2025-03-28.pdf');
    // eslint-disable-next-line no-control-regex -- the point: no control characters in a file name
    expect(name).not.toMatch(/[\\/:*?"<>|\u0000-\u001f]/);
    const long = carePdfFileName(ID, { case_number: 'N'.repeat(500), subject_name: '長'.repeat(500) });
    expect(long).toBe(`調査票_${'N'.repeat(40)}_${'長'.repeat(40)}.pdf`);
    expect(carePdfFileName(ID, { subject_name: '...hidden. ' })).toBe('調査票_hidden.pdf');
  });
});
