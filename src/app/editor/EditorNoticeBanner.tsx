// Banners above the form: migrated to a new version, finalized (reopen), submitted, approved, old version read-only, definition missing.
import { useTranslation } from 'react-i18next';
import type { EditorNotice } from './loadRecord.ts';

export function EditorNoticeBanner({ notice, onReopen }: { notice: EditorNotice | null; onReopen?: () => void }) {
  const { t } = useTranslation();
  if (!notice) return null;
  const text = {
    migrated: () => (notice.kind === 'migrated' ? t('editor.migrated', { from: notice.from, to: notice.to }) : ''),
    ready: () => t('editor.readyBanner'),
    submitted: () => t('editor.submittedBanner'),
    approved: () => t('editor.approvedBanner'),
    'old-version': () => (notice.kind === 'old-version' ? t('editor.readOnlyOld', { version: notice.version }) : ''),
    'form-missing': () => (notice.kind === 'form-missing' ? t('editor.formMissing', { version: notice.version }) : ''),
  }[notice.kind]();
  const tone = notice.kind === 'migrated' || notice.kind === 'ready' || notice.kind === 'submitted' || notice.kind === 'approved' ? 'banner-info' : 'banner-warning';
  return (
    <div className={`banner ${tone}`} role="status" data-testid="editor-notice" data-kind={notice.kind}>
      <span>{text}</span>
      {onReopen && (
        <button type="button" className="btn" onClick={onReopen} data-testid="reopen">
          {t('editor.reopen')}
        </button>
      )}
    </div>
  );
}
