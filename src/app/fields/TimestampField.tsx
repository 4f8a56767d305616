// timestamp: one tap records the current time (ISO); it can be cleared and recorded again.
import { useTranslation } from 'react-i18next';
import type { FieldProps } from './types.ts';

export function TimestampField({ state, inputId, describedBy, disabled, language, onChange }: FieldProps) {
  const { t } = useTranslation();
  const value = typeof state.value === 'string' ? state.value : null;
  const shown = value ? new Date(value).toLocaleString(language === 'en' ? 'en-GB' : 'ja-JP') : null;
  return (
    <div className="row">
      {shown ? (
        <>
          <output className="value-readout" aria-describedby={describedBy} data-testid="timestamp-value">
            {t('fields.timestampRecorded', { time: shown })}
          </output>
          {!disabled && (
            <button type="button" className="btn" onClick={() => onChange(null, { immediate: true })}>
              {t('app.clear')}
            </button>
          )}
        </>
      ) : (
        <button id={inputId} type="button" className="btn btn-primary btn-large" disabled={disabled} aria-describedby={describedBy} onClick={() => onChange(new Date().toISOString(), { immediate: true })}>
          {t('fields.timestampNow')}
        </button>
      )}
    </div>
  );
}
