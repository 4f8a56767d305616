// The autosave line in the editor toolbar: saved / saving / failed (with the error code).
import { useTranslation } from 'react-i18next';
import { useSaveStatusStore } from '../state/editorStore.ts';

export function SaveStatus() {
  const { t } = useTranslation();
  const status = useSaveStatusStore((s) => s.status);
  const errorCode = useSaveStatusStore((s) => s.errorCode);
  return (
    <span className={`save-status save-${status}`} data-testid="save-status" data-status={status} role="status">
      {status === 'error' ? t('editor.saveFailed', { message: errorCode ?? '' }) : status === 'idle' ? `✓ ${t('editor.saved')}` : t('editor.saving')}
    </span>
  );
}
