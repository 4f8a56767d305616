// 「調査票PDF」: downloads a 認定調査票 record as the server's A4 PDF (with the login's token) and saves it as a file; shown only for forms that have the document.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { carePdfFileName, hasCareAssessmentPdf } from '../../../documents/care-assessment-form.ts';
import { downloadRecordPdf } from '../api/officeApi.ts';
import { asOfficeError, type OfficeError } from '../api/officeError.ts';
import { officeErrorText } from '../shared/officeErrorText.ts';
import { saveBlob } from '../../saveFile.ts';

export function RecordPdfButton({ recordId, formId }: { recordId: string; formId: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<OfficeError | null>(null);
  if (!hasCareAssessmentPdf(formId)) return null;

  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const { blob, fileName } = await downloadRecordPdf(recordId);
      saveBlob(blob, fileName ?? carePdfFileName(recordId));
    } catch (caught) {
      setError(asOfficeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="office-exports">
      <button type="button" className="btn" onClick={() => void download()} disabled={busy} data-testid="record-pdf">
        ⤓ {busy ? t('app.loading') : t('office.record.pdf')}
      </button>
      {error && (
        <span className="text-error" role="alert" data-testid="record-pdf-error" data-code={error.code}>
          {officeErrorText(t, error.code)}
        </span>
      )}
    </div>
  );
}
