// ocr_text: a text box with a scan button (the on-device scanner comes later: disabled, "近日対応").
import { useTranslation } from 'react-i18next';
import { TextField } from './TextField.tsx';
import type { FieldProps } from './types.ts';

export function OcrTextField(props: FieldProps) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <TextField {...props} />
      <span title={t('fields.comingSoon')} className="tooltip-host">
        <button type="button" className="btn" disabled aria-disabled="true" title={t('fields.comingSoon')}>
          {t('fields.ocrScan')}（{t('fields.comingSoon')}）
        </button>
      </span>
    </div>
  );
}
