// In the editor: a notice while the record has open conflicts (provisional value shown) or photos not yet on the server.
import { useTranslation } from 'react-i18next';
import { recordSyncStates } from '../../data/sync/index.ts';
import { appDb, recordRepository } from '../db.ts';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { useLanguage } from '../state/appStore.ts';
import { useEditorStore } from '../state/editorStore.ts';
import { fieldLabel } from './fieldLabel.ts';

export function RecordSyncNotice({ recordId }: { recordId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const form = useEditorStore((s) => s.session?.form);
  const info = useLiveQuery(async () => {
    const row = await recordRepository().get(recordId).catch(() => undefined);
    if (!row) return null;
    const sync = (await recordSyncStates(appDb(), [row])).get(recordId);
    return { conflicts: row.openConflicts ?? [], photosPending: sync?.photosPending ?? false };
  }, [recordId]);
  if (!info || (info.conflicts.length === 0 && !info.photosPending)) return null;
  return (
    <div className="notice" role="status" data-testid="record-sync-notice">
      {info.conflicts.length > 0 && <p data-testid="conflict-notice">{t('editor.conflicts', { paths: info.conflicts.map((path) => (path.startsWith('@') ? t('marks.recordLevel') : fieldLabel(form, path, language))).join('、') })}</p>}
      {info.photosPending && <p data-testid="photos-pending-notice">{t('editor.photosPending')}</p>}
    </div>
  );
}
