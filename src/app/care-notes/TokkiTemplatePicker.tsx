// Under a 特記事項 text box: 「定型文」 opens the phrases for the entry's item (item, 群, common, the assessor's own); a tap adds one with the
// item number in brackets and selects its example number to overwrite; the current text can be saved as an own phrase, and own phrases deleted.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TOKKI } from '../../documents/care-assessment-form.ts';
import { deletePhrase, listSavedPhrases, savedPhrasesFor, savePhrase, type SavedPhrase } from '../../data/index.ts';
import type { FieldPath } from '../../engine/types.ts';
import { appDb } from '../db.ts';
import { useEditorActions } from '../editor/EditorContext.tsx';
import { siblingPath } from '../editor/reasonFields.ts';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { useFieldState } from '../state/editorStore.ts';
import { fillTemplate, insertPhrase, itemGroup, phraseToSave, type Range } from './tokkiPhrase.ts';
import { loadTokkiTemplates, phrasesFor, type TokkiTemplates } from './tokkiTemplates.ts';

export interface TokkiTemplatePickerProps {
  /** Path of the tokki_text field of one entry ("tokki[2].tokki_text"). */
  path: FieldPath;
  /** id of its text box, to put the cursor on the inserted number. */
  inputId: string;
}

function selectInTextBox(inputId: string, range: Range | null): void {
  // After React has rendered the new value.
  requestAnimationFrame(() => {
    const box = document.getElementById(inputId);
    if (!(box instanceof HTMLTextAreaElement || box instanceof HTMLInputElement)) return;
    box.focus();
    if (range) box.setSelectionRange(range.start, range.end);
  });
}

function PhraseList({ title, phrases, onPick }: { title: string; phrases: string[]; onPick: (template: string) => void }) {
  if (phrases.length === 0) return null;
  return (
    <div className="tokki-phrase-group">
      <h4>{title}</h4>
      <ul>
        {phrases.map((template) => (
          <li key={template}>
            <button type="button" className="tokki-phrase" onClick={() => onPick(template)} data-testid="tokki-phrase">
              {fillTemplate(template).text}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function SavedList({ phrases, onPick }: { phrases: SavedPhrase[]; onPick: (template: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="tokki-phrase-group">
      <h4>{t('tokki.mine')}</h4>
      {phrases.length === 0 ? (
        <p className="muted">{t('tokki.noneSaved')}</p>
      ) : (
        <ul>
          {phrases.map((phrase) => (
            <li key={phrase.id} className="row">
              <button type="button" className="tokki-phrase" onClick={() => onPick(phrase.text)} data-testid="tokki-saved-phrase">
                {phrase.text}
                {phrase.item === null && <span className="muted"> （{t('tokki.allItems')}）</span>}
              </button>
              <button type="button" className="btn btn-ghost btn-danger-text" onClick={() => void deletePhrase(appDb(), phrase.id)} data-testid="tokki-delete-phrase">
                {t('tokki.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The saved phrases, queried only while the panel is open (a closed picker under every 特記事項 entry costs nothing). */
function LiveSavedList({ item, onPick }: { item: string; onPick: (text: string) => void }) {
  const saved = useLiveQuery(() => listSavedPhrases(appDb()), []);
  return <SavedList phrases={savedPhrasesFor(saved ?? [], item)} onPick={onPick} />;
}

export function TokkiTemplatePicker({ path, inputId }: TokkiTemplatePickerProps) {
  const { t } = useTranslation();
  const actions = useEditorActions();
  const itemValue = useFieldState(siblingPath(path, TOKKI.item))?.value;
  const textValue = useFieldState(path)?.value;
  const item = typeof itemValue === 'string' && itemValue !== '' ? itemValue : null;
  const current = typeof textValue === 'string' ? textValue : '';
  const [open, setOpen] = useState(false);
  const [templates, setTemplates] = useState<TokkiTemplates | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [forAllItems, setForAllItems] = useState(false);
  const [savedNotice, setSavedNotice] = useState(false);
  useEffect(() => setSavedNotice(false), [current]);

  useEffect(() => {
    if (!open || templates) return;
    let alive = true;
    loadTokkiTemplates().then(
      (loaded) => alive && setTemplates(loaded),
      (error: unknown) => {
        console.error('[genba] 特記事項 templates', error);
        if (alive) setLoadFailed(true);
      },
    );
    return () => {
      alive = false;
    };
  }, [open, templates]);

  const pick = (template: string) => {
    if (!item) return;
    const { text, select } = insertPhrase(current, item, template);
    actions.change(path, text, { immediate: true });
    selectInTextBox(inputId, select ?? { start: text.length, end: text.length });
  };

  const saveCurrent = async () => {
    const text = phraseToSave(current);
    if (!text) return;
    await savePhrase(appDb(), { item: forAllItems ? null : item, text });
    setSavedNotice(true);
  };

  return (
    <div className="tokki-templates" data-testid="tokki-templates">
      <button type="button" className="btn" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="tokki-templates-toggle">
        {open ? t('tokki.close') : t('tokki.open')}
      </button>
      {open && (
        <div className="tokki-panel">
          {!item ? (
            <p className="muted">{t('tokki.chooseItemFirst')}</p>
          ) : (
            <>
              <p className="field-hint">{t('tokki.hint', { item })}</p>
              {loadFailed && <p className="text-error">{t('tokki.loadFailed')}</p>}
              {templates && (
                <>
                  <PhraseList title={t('tokki.forItem', { item })} phrases={phrasesFor(templates, item).item} onPick={pick} />
                  <PhraseList title={t('tokki.forGroup', { group: itemGroup(item) })} phrases={phrasesFor(templates, item).group} onPick={pick} />
                  <PhraseList title={t('tokki.common')} phrases={phrasesFor(templates, item).common} onPick={pick} />
                </>
              )}
              <LiveSavedList item={item} onPick={pick} />
              <div className="row tokki-save">
                <button type="button" className="btn" disabled={phraseToSave(current) === ''} onClick={() => void saveCurrent()} data-testid="tokki-save-phrase">
                  {t('tokki.saveCurrent')}
                </button>
                <label className="row">
                  <input type="checkbox" checked={forAllItems} onChange={(e) => setForAllItems(e.target.checked)} />
                  {t('tokki.allItems')}
                </label>
                {savedNotice && <span className="muted" role="status">{t('tokki.saved')}</span>}
              </div>
            </>
          )}
        </div>
      )}
    </div>
  );
}
