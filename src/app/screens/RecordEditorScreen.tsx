// The record editor: loads (and if needed migrates) the record, then hosts the form session, autosave, sections, warnings and finalize.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordRow } from '../../data/index.ts';
import { FormSession, recordTitle } from '../../engine/index.ts';
import type { FieldPath, FormDefinition } from '../../engine/types.ts';
import { hasCareAssessmentPdf } from '../../documents/care-assessment-form.ts';
import { CarePdfButton } from '../care-pdf/CarePdfButton.tsx';
import { recordRepository } from '../db.ts';
import { EditorContext, type EditorActions } from '../editor/EditorContext.tsx';
import { EditorNoticeBanner } from '../editor/EditorNoticeBanner.tsx';
import { RecordSyncNotice } from '../editor/RecordSyncNotice.tsx';
import { useSession } from '../sync.ts';
import { FinalizeButton, FinalizeMessage } from '../editor/FinalizeBar.tsx';
import { computedChanges } from '../editor/initialValues.ts';
import { sendableChange } from '../editor/sendableValue.ts';
import { loadRecord, type LoadedRecord } from '../editor/loadRecord.ts';
import { collectPaths, definitionAt, readPath } from '../editor/paths.ts';
import { RawAnswers } from '../editor/RawAnswers.tsx';
import { ReviewBanner } from '../editor/ReviewBanner.tsx';
import { ReviewContext } from '../editor/ReviewContext.tsx';
import { SaveStatus } from '../editor/SaveStatus.tsx';
import { EditorTitle } from '../editor/EditorTitle.tsx';
import { scoringFunctions } from '../editor/scoringFunctions.ts';
import { SectionNav } from '../editor/SectionNav.tsx';
import { SectionView } from '../editor/SectionView.tsx';
import { confirmConflict, useConflictMarks } from '../editor/useConflictMarks.ts';
import { useSectionInUrl } from '../editor/useSectionInUrl.ts';
import { useAutosave } from '../editor/useAutosave.ts';
import { useRecordStateReload } from '../editor/useRecordStateReload.ts';
import { WarningsPanel } from '../editor/WarningsPanel.tsx';
import * as editor from '../state/editorStore.ts';
import { navigate } from '../state/routeStore.ts';

function buildSession(form: FormDefinition, record: RecordRow): FormSession {
  return new FormSession(form, record.answers, { functions: scoringFunctions(form.id), acknowledged: record.acknowledgedWarnings });
}

/** `section`: the section in the URL when the editor opens (a reload keeps it); later section changes only rewrite the URL. */
export function RecordEditorScreen({ recordId, section }: { recordId: string; section?: string }) {
  const { t } = useTranslation();
  const openingSection = useRef(section);
  const [loaded, setLoaded] = useState<LoadedRecord | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const session = editor.useEditorStore((s) => s.session);
  const queue = useAutosave(recordId);
  const login = useSession();
  useEffect(() => editor.setUserRole(login?.user.role), [login]);
  useRecordStateReload(recordId, loaded?.ok ? loaded.record : undefined, () => setReloadKey((k) => k + 1));

  useEffect(() => {
    let alive = true;
    void loadRecord(recordId).then((result) => {
      if (!alive) return;
      setLoaded(result);
      if (!result.ok || !result.form) return;
      const opened = buildSession(result.form, result.record);
      editor.openSession(opened, { readOnly: !result.editable, section: openingSection.current });
      if (result.editable) {
        const paths = result.form.sections.flatMap((s) => collectPaths(s.fields, '', (p) => opened.repeatCount(p)));
        const initial = computedChanges(result.form, paths, result.record.answers, (p) => opened.field(p).value);
        if (initial.length > 0) void queue.schedule(initial.map((change) => sendableChange(opened.form, change)), summaryOf(opened), true);
      }
    });
    return () => {
      alive = false;
      editor.closeSession();
    };
  }, [recordId, reloadKey, queue]);
  useSectionInUrl(recordId, loaded?.ok ? loaded.form?.sections[0]?.id : undefined);
  useConflictMarks(recordId);

  const actions = useMemo<EditorActions>(() => {
    const save = (paths: FieldPath[], immediate: boolean) => {
      const current = editor.useEditorStore.getState().session;
      if (!current) return;
      const answers = current.answers();
      const changes = paths.map((path) => {
        const field = definitionAt(current.form, path);
        const value = field?.calculate !== undefined ? current.field(path).value : readPath(answers, path);
        // Calculated answers stay on the tablet (the server computes its own); repeats go without them.
        return sendableChange(current.form, { path, value: value === undefined ? null : value });
      });
      // The store already holds this change's evaluation: no second full evaluation per keystroke.
      const { title } = recordTitle(current.form, answers);
      void queue.schedule(changes, { errorCount: editor.useEditorStore.getState().errorCount, title }, immediate);
    };
    return {
      recordId,
      change(path, value, options) {
        const changed = editor.setAnswer(path, value);
        editor.markTouched(path);
        // Answering the field again settles the user's side of its conflict: the marker goes.
        confirmConflict(recordId, path);
        const current = editor.useEditorStore.getState().session;
        const calculated = current ? changed.filter((p) => p !== path && definitionAt(current.form, p)?.calculate !== undefined) : [];
        save([path, ...calculated], options?.immediate ?? false);
      },
      commit(path) {
        editor.markTouched(path);
        void queue.flush();
      },
      addRepeat(path) {
        editor.addRepeat(path);
        save([path], true);
      },
      removeRepeat(path, index) {
        editor.removeRepeat(path, index);
        save([path], true);
      },
    };
  }, [queue, recordId]);

  if (!loaded) return <p className="loading">{t('app.loading')}</p>;
  if (!loaded.ok) {
    return (
      <section className="screen">
        <p className="notice notice-error" data-testid="editor-error">
          {t('editor.notFound')} <span className="mono">{loaded.code}</span>
        </p>
        <button type="button" className="btn" onClick={() => void navigate({ name: 'home' })}>
          ← {t('app.back')}
        </button>
      </section>
    );
  }

  const back = () => void navigate({ name: 'records', formId: loaded.record.formId });

  if (!loaded.form) {
    return (
      <section className="screen" data-testid="editor">
        <EditorNoticeBanner notice={loaded.notice} />
        <RawAnswers answers={loaded.record.answers} />
        <button type="button" className="btn" onClick={back}>
          ← {t('app.back')}
        </button>
      </section>
    );
  }

  const acknowledge = async (code: string, reason: string) => {
    const record = await recordRepository().acknowledgeWarning(recordId, code, reason);
    const current = editor.useEditorStore.getState().session;
    if (current) editor.replaceSession(new FormSession(current.form, current.answers(), { functions: scoringFunctions(current.form.id), acknowledged: record.acknowledgedWarnings }));
  };

  const reopen = async () => {
    await recordRepository().reopen(recordId);
    setReloadKey((k) => k + 1);
  };

  // The review matters only while the record waits for its correction; once finalized again it is history.
  const review = loaded.record.returned && loaded.record.status === 'draft' ? loaded.record.review : undefined;

  return (
    <EditorContext.Provider value={actions}>
      <ReviewContext.Provider value={review}>
        <section className="editor" data-testid="editor" data-record-id={recordId}>
          <div className="editor-toolbar">
            <button type="button" className="btn btn-ghost" onClick={back}>
              ← {t('app.back')}
            </button>
            <EditorTitle formTitle={loaded.form.title} />
            <SaveStatus />
            {hasCareAssessmentPdf(loaded.form.id) && <CarePdfButton recordId={recordId} />}
            {loaded.editable && <FinalizeButton recordId={recordId} flush={() => queue.flush()} onFinalized={() => setReloadKey((k) => k + 1)} />}
            <FinalizeMessage />
          </div>
          <EditorNoticeBanner notice={loaded.notice} onReopen={loaded.notice?.kind === 'ready' ? () => void reopen() : undefined} />
          {review && (
            <ReviewBanner
              review={review}
              form={loaded.form}
              recordId={recordId}
              initialReplies={loaded.record.reviewReplies?.reviewAt === review.at ? loaded.record.reviewReplies.replies : []}
              editable={loaded.editable}
            />
          )}
          <RecordSyncNotice recordId={recordId} />
          {session && (
            <div className="editor-body">
              <SectionNav sections={loaded.form.sections} />
              <div className="editor-content">
                <SectionView form={loaded.form} />
                <WarningsPanel onAcknowledge={acknowledge} />
              </div>
            </div>
          )}
        </section>
      </ReviewContext.Provider>
    </EditorContext.Provider>
  );
}

function summaryOf(session: FormSession): { errorCount: number; title: string } {
  return { errorCount: session.evaluation().errors.length, title: recordTitle(session.form, session.answers()).title };
}
