// photo: camera or file, downscaled on the device to photo.maxDimension (JPEG), original kept if the form says so; thumbnails from the attachments table.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { putAttachment } from '../../data/index.ts';
import { isPhotoMime } from '../../engine/index.ts';
import { appDb } from '../db.ts';
import { useEditorActions } from '../editor/EditorContext.tsx';
import { useAttachmentUrl } from '../hooks/useAttachmentUrl.ts';
import { downscalePhoto } from '../media/downscalePhoto.ts';
import type { FieldProps } from './types.ts';

interface PhotoValue {
  hash: string;
  mime: string;
  width?: number;
  height?: number;
  originalHash?: string;
}

const DEFAULTS = { maxDimension: 1600, keepOriginal: false, maxCount: 10 };

function Thumbnail({ photo, onRemove, removeLabel }: { photo: PhotoValue; onRemove?: () => void; removeLabel: string }) {
  const url = useAttachmentUrl(photo.hash);
  return (
    <figure className="thumb" data-testid="photo-thumb">
      {url ? <img src={url} alt="" /> : <span className="thumb-placeholder" />}
      {onRemove && (
        <button type="button" className="thumb-remove" onClick={onRemove} aria-label={removeLabel}>
          ×
        </button>
      )}
    </figure>
  );
}

export function PhotoField({ path, state, inputId, describedBy, disabled, onChange }: FieldProps) {
  const { t } = useTranslation();
  const { recordId } = useEditorActions();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const options = { ...DEFAULTS, ...state.field.photo };
  const photos = Array.isArray(state.value) ? (state.value as PhotoValue[]) : [];
  const full = photos.length >= options.maxCount;

  const addFiles = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setBusy(true);
    setFailed(false);
    const db = appDb();
    const added: PhotoValue[] = [];
    try {
      for (const file of [...files].slice(0, options.maxCount - photos.length)) {
        const small = await downscalePhoto(file, options.maxDimension);
        let originalHash: string | undefined;
        // The server stores only JPEG, PNG and WebP (checked by their bytes): an original of another type (HEIC, …) stays out.
        if (options.keepOriginal && isPhotoMime(file.type)) {
          const original = await putAttachment(db, { recordId, path, kind: 'photo-original', mime: file.type, size: file.size, blob: file });
          originalHash = original.hash;
        }
        const stored = await putAttachment(db, { recordId, path, kind: 'photo', mime: 'image/jpeg', size: small.blob.size, blob: small.blob, width: small.width, height: small.height });
        added.push({ hash: stored.hash, mime: 'image/jpeg', width: small.width, height: small.height, ...(originalHash ? { originalHash } : {}) });
      }
    } catch (error) {
      console.error('[genba] E_PHOTO_READ', error);
      setFailed(true);
    } finally {
      setBusy(false);
    }
    if (added.length > 0) onChange([...photos, ...added], { immediate: true });
  };

  const remove = (index: number) => {
    const next = photos.filter((_, i) => i !== index);
    onChange(next.length === 0 ? null : next, { immediate: true });
  };

  return (
    <div className="stack">
      {photos.length > 0 && (
        <div className="thumbs">
          {photos.map((photo, i) => (
            <Thumbnail key={photo.hash + i} photo={photo} removeLabel={t('fields.photoRemove')} onRemove={disabled ? undefined : () => remove(i)} />
          ))}
        </div>
      )}
      {!disabled && !full && (
        <label className={`btn btn-primary file-button ${busy ? 'is-busy' : ''}`}>
          {busy ? t('fields.photoProcessing') : t('fields.photoTake')}
          <input
            id={inputId}
            type="file"
            accept="image/*"
            capture="environment"
            multiple={options.maxCount - photos.length > 1}
            disabled={busy}
            aria-describedby={describedBy}
            onChange={(e) => {
              void addFiles(e.target.files);
              e.target.value = '';
            }}
          />
        </label>
      )}
      <span className="muted">{t('fields.photoLimit', { count: options.maxCount })}</span>
      {failed && (
        <p className="field-error" role="alert">
          {t('fields.photoFailed')}
        </p>
      )}
    </div>
  );
}
