// What a stored file really is, read from its first bytes (file-type's magic numbers), compared with the type the upload declared.
import { fileTypeFromFile } from 'file-type';
import { isAttachmentMime } from '../../../src/engine/index.ts';

/**
 * True when the file's bytes are an image of the declared, allowed type. An HTML page, an SVG or a JPEG declared as
 * PNG all fail: the type a blob is served with must be the one its bytes have, and never one a browser would run.
 */
export async function bytesMatchType(path: string, declared: string): Promise<boolean> {
  if (!isAttachmentMime(declared)) return false;
  const detected = await fileTypeFromFile(path);
  return detected?.mime === declared;
}
