// Photos and signatures as content-addressed Blobs (SHA-256): stored once per content, queued for upload until the server holds them.
import { isPhotoMime, isSignatureMime } from '../engine/values/attachment-types.ts';
import type { GenbaDb } from './db.ts';
import { DataError, toDataError } from './errors.ts';

export type AttachmentKind = 'photo' | 'photo-original' | 'signature';

export interface AttachmentRow {
  /** SHA-256 of the blob's bytes, lower-case hex: the attachment's identity on device and server. */
  hash: string;
  /** The record that first referenced this content. */
  recordId: string;
  path: string;
  kind: AttachmentKind;
  mime: string;
  size: number;
  blob: Blob;
  width?: number;
  height?: number;
  createdAt: string;
  uploaded: boolean;
  /** The tus upload URL once the server created the upload, so an interrupted upload resumes from its offset. */
  uploadUrl?: string;
}

export type NewAttachment = Omit<AttachmentRow, 'hash' | 'createdAt' | 'uploaded' | 'size' | 'uploadUrl'> & { size?: number };

const KINDS: readonly AttachmentKind[] = ['photo', 'photo-original', 'signature'];

export async function sha256Hex(data: Blob | ArrayBuffer): Promise<string> {
  const bytes = data instanceof ArrayBuffer ? data : await data.arrayBuffer();
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Stores the blob under its hash; storing the same content again returns the existing row unchanged. */
export async function putAttachment(db: GenbaDb, attachment: NewAttachment): Promise<AttachmentRow> {
  if (!(attachment?.blob instanceof Blob)) throw new DataError('E_ATTACHMENT_INVALID', 'an attachment needs a Blob');
  if (!KINDS.includes(attachment.kind)) throw new DataError('E_ATTACHMENT_INVALID', `unknown attachment kind "${String(attachment.kind)}"`);
  if (typeof attachment.recordId !== 'string' || attachment.recordId === '') throw new DataError('E_ATTACHMENT_INVALID', 'an attachment needs a recordId');
  // The server refuses any other type at upload (E_BLOB_TYPE); refusing it here keeps it from waiting in the queue forever.
  const allowed = attachment.kind === 'signature' ? isSignatureMime(attachment.mime) : isPhotoMime(attachment.mime);
  if (!allowed) throw new DataError('E_ATTACHMENT_INVALID', `a ${attachment.kind} may not be of type "${String(attachment.mime)}"`);
  // Hash before the transaction: an IndexedDB transaction commits while awaiting WebCrypto.
  const hash = await sha256Hex(attachment.blob);
  try {
    return await db.transaction('rw', db.attachments, async () => {
      const existing = await db.attachments.get(hash);
      if (existing) return existing;
      const row: AttachmentRow = {
        ...attachment, hash, size: attachment.blob.size, createdAt: new Date().toISOString(), uploaded: false,
      };
      await db.attachments.add(row);
      return row;
    });
  } catch (error) {
    throw toDataError(error);
  }
}

export function getAttachment(db: GenbaDb, hash: string): Promise<AttachmentRow | undefined> {
  return db.attachments.get(hash);
}

export function attachmentsOf(db: GenbaDb, recordId: string): Promise<AttachmentRow[]> {
  return db.attachments.where('recordId').equals(recordId).toArray();
}

/** Blobs the server does not hold yet. A scan (booleans are not IndexedDB keys); a device holds hundreds, not millions. */
export function pendingUploads(db: GenbaDb): Promise<AttachmentRow[]> {
  return db.attachments.filter((row) => !row.uploaded).toArray();
}

/** Called once the server confirmed it holds the blob; the blob stays on the device (records still show it). */
export async function markUploaded(db: GenbaDb, hash: string): Promise<void> {
  await db.attachments.update(hash, { uploaded: true });
}

/** Remembers where an upload lives on the server (tus), so it resumes after an interruption. */
export async function rememberUploadUrl(db: GenbaDb, hash: string, uploadUrl: string): Promise<void> {
  await db.attachments.update(hash, { uploadUrl });
}
