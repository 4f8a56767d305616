// The signature pad itself (lazy chunk with signature_pad): draw, clear, save as a PNG attachment.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import SignaturePad from 'signature_pad';
import { putAttachment } from '../../data/index.ts';
import type { FieldPath } from '../../engine/types.ts';
import { appDb } from '../db.ts';
import { useEditorActions } from '../editor/EditorContext.tsx';

interface Props {
  path: FieldPath;
  onSaved(value: { hash: string; mime: string }): void;
  onCancel(): void;
}

export function SignaturePadPanel({ path, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const { recordId } = useEditorActions();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const [empty, setEmpty] = useState(true);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    // Size the backing store for the screen's pixel ratio so strokes stay sharp on tablets.
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    canvas.width = canvas.offsetWidth * ratio;
    canvas.height = canvas.offsetHeight * ratio;
    canvas.getContext('2d')?.scale(ratio, ratio);
    const pad = new SignaturePad(canvas, { backgroundColor: 'rgb(255,255,255)', penColor: '#111' });
    pad.addEventListener('endStroke', () => setEmpty(pad.isEmpty()));
    padRef.current = pad;
    return () => {
      pad.off();
      padRef.current = null;
    };
  }, []);

  const save = async () => {
    const canvas = canvasRef.current;
    if (!canvas || !padRef.current || padRef.current.isEmpty()) return;
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) return;
    const stored = await putAttachment(appDb(), { recordId, path, kind: 'signature', mime: 'image/png', size: blob.size, blob, width: canvas.width, height: canvas.height });
    onSaved({ hash: stored.hash, mime: 'image/png' });
  };

  return (
    <div className="stack">
      <p className="muted">{t('fields.signatureHint')}</p>
      <canvas ref={canvasRef} className="signature-canvas" data-testid="signature-canvas" />
      <div className="row">
        <button type="button" className="btn btn-primary" disabled={empty} onClick={() => void save()}>
          {t('fields.signatureSave')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => {
            padRef.current?.clear();
            setEmpty(true);
          }}
        >
          {t('app.clear')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          {t('app.cancel')}
        </button>
      </div>
    </div>
  );
}
