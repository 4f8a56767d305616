// The file types a photo or signature answer may name (engine, server and devices share this one list).
//
// Only raster formats a browser shows in an <img> and never runs: SVG and HTML can carry script, so they are
// refused everywhere (answer validation, tus creation, the magic-byte check on arrival, the office viewer).

export const PHOTO_MIMES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** The signature pad draws on a canvas and saves it with canvas.toBlob(…, 'image/png'). */
export const SIGNATURE_MIMES = ['image/png'] as const;
/** Every type a blob may have: the union of the field kinds' lists. */
export const ATTACHMENT_MIMES: readonly string[] = [...new Set<string>([...PHOTO_MIMES, ...SIGNATURE_MIMES])];

export const isPhotoMime = (mime: unknown): boolean => typeof mime === 'string' && (PHOTO_MIMES as readonly string[]).includes(mime);
export const isSignatureMime = (mime: unknown): boolean => typeof mime === 'string' && (SIGNATURE_MIMES as readonly string[]).includes(mime);
export const isAttachmentMime = (mime: unknown): boolean => typeof mime === 'string' && ATTACHMENT_MIMES.includes(mime);
