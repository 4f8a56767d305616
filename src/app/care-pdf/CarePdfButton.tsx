// 「調査票PDF」 in the editor toolbar of a 認定調査票 record (draft, submitted or approved): builds the PDF on the device from the answers shown and downloads it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { carePdfFileName } from '../../documents/care-assessment-form.ts';
import { useLanguage } from '../state/appStore.ts';
import { useEditorStore } from '../state/editorStore.ts';
import { saveBlob } from '../saveFile.ts';

export function CarePdfButton({ recordId }: { recordId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const generate = async () => {
    const session = useEditorStore.getState().session;
    if (!session) return;
    setBusy(true);
    setFailure(null);
    try {
      const { makeCarePdf } = await import('./makeCarePdf.ts');
      const answers = session.answers();
      saveBlob(await makeCarePdf(session.form, answers, recordId, language), carePdfFileName(recordId, answers));
    } catch (error) {
      console.error('[genba] 調査票 PDF failed', error);
      setFailure((error as { code?: string }).code ?? (String(error).match(/E_[A-Z_]+/)?.[0] ?? 'E_PDF'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="btn" disabled={busy} onClick={() => void generate()} data-testid="care-pdf">
        {busy ? t('carePdf.busy') : t('carePdf.button')}
      </button>
      {failure && (
        <span className="text-error" role="alert" data-testid="care-pdf-error">
          {t('carePdf.failed', { code: failure })}
        </span>
      )}
    </>
  );
}
