// The record's photos and signatures, fetched through the blob route with the login's token; a click enlarges the image in a dialog.
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDefinition } from '../../../engine/types.ts';
import { useLanguage } from '../../state/appStore.ts';
import { pathLabel } from '../shared/answerRows.ts';
import { useBlobUrl } from '../shared/useBlobUrl.ts';

interface Photo {
  path: string;
  hash: string;
  mime: string;
}

/** "buildings[0].building_photos[1]" → the field's path, so the label is the field's. */
const fieldPathOf = (path: string) => path.replace(/\[\d+\]$/, '');

/**
 * A thumbnail that enlarges in a dialog, always as an <img>: the page never navigates to a blob: URL (a same-origin
 * document), and a blob the server did not serve as an allowed image gets no URL at all (useBlobUrl).
 */
function PhotoThumb({ photo, label }: { photo: Photo; label: string }) {
  const { t } = useTranslation();
  const { url, failed, refused } = useBlobUrl(photo.hash);
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <figure className="office-photo" data-testid="office-photo" data-hash={photo.hash}>
      {url ? (
        <>
          <button type="button" className="office-photo-open" aria-label={t('office.record.photoOpen', { label })} onClick={() => dialog.current?.showModal()}>
            <img src={url} alt={label} data-testid="office-photo-img" />
          </button>
          <dialog ref={dialog} className="office-photo-dialog" data-testid="office-photo-dialog" aria-label={label} onClick={(e) => { if (e.target === e.currentTarget) dialog.current?.close(); }}>
            <img src={url} alt={label} />
            <form method="dialog">
              <button type="submit">{t('office.record.photoClose')}</button>
            </form>
          </dialog>
        </>
      ) : (
        <span className="office-photo-placeholder" data-testid={refused ? 'office-photo-refused' : undefined}>
          {refused ? t('office.record.photoRefused') : failed ? t('office.record.photoFailed') : t('app.loading')}
        </span>
      )}
      <figcaption>{label}</figcaption>
    </figure>
  );
}

export function PhotosPanel({ photos, form }: { photos: readonly Photo[]; form: FormDefinition | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="office-panel" aria-labelledby="office-photos-title">
      <h3 id="office-photos-title" className="office-panel-title">
        {t('office.record.photos', { count: photos.length })}
      </h3>
      {photos.length === 0 ? (
        <p className="muted">{t('office.record.noPhotos')}</p>
      ) : (
        <div className="office-photos">
          {photos.map((photo) => (
            <PhotoThumb key={`${photo.path}-${photo.hash}`} photo={photo} label={pathLabel(form, fieldPathOf(photo.path), language)} />
          ))}
        </div>
      )}
    </section>
  );
}
