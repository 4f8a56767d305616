// Which fetched blobs the office may show: only the image types a photo or signature may have, and only ever inside an <img>.
import { isAttachmentMime } from '../../../engine/index.ts';

/**
 * The blob if the server served it as an allowed image (JPEG, PNG, WebP), else null. A blob: URL is same-origin: an
 * HTML or SVG blob opened as a page would run with the office's rights, so anything else is never given a URL.
 */
export function imageBlobOrNull(blob: Blob): Blob | null {
  const type = blob.type.split(';')[0]!.trim().toLowerCase();
  return isAttachmentMime(type) ? blob : null;
}
