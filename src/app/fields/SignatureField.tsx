// signature: shows the stored signature; the pad (signature_pad, loaded only when needed) saves a PNG attachment.
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAttachmentUrl } from '../hooks/useAttachmentUrl.ts';
import type { FieldProps } from './types.ts';

const SignaturePadPanel = lazy(() => import('./SignaturePadPanel.tsx').then((m) => ({ default: m.SignaturePadPanel })));

interface SignatureValue {
  hash: string;
  mime: string;
}

export function SignatureField({ path, state, inputId, describedBy, disabled, onChange }: FieldProps) {
  const { t } = useTranslation();
  const [signing, setSigning] = useState(false);
  const value = state.value as SignatureValue | null | undefined;
  const url = useAttachmentUrl(value?.hash);

  if (signing) {
    return (
      <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
        <SignaturePadPanel
          path={path}
          onSaved={(saved) => {
            setSigning(false);
            onChange(saved, { immediate: true });
          }}
          onCancel={() => setSigning(false)}
        />
      </Suspense>
    );
  }
  return (
    <div className="stack">
      {value?.hash ? (
        <div className="signature-view">{url && <img src={url} alt="" data-testid="signature-image" />}</div>
      ) : (
        disabled && <span className="muted">{t('fields.signatureEmpty')}</span>
      )}
      {!disabled && (
        <button id={inputId} type="button" className="btn btn-primary" aria-describedby={describedBy} onClick={() => setSigning(true)}>
          {value?.hash ? t('fields.signatureRedo') : t('fields.signatureSign')}
        </button>
      )}
    </div>
  );
}
