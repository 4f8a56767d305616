// Downscales a camera photo on the device (createImageBitmap + OffscreenCanvas or canvas) to a JPEG of at most maxDimension.
import { fitWithin } from './fitWithin.ts';

export interface DownscaledPhoto {
  blob: Blob;
  width: number;
  height: number;
}

const JPEG_QUALITY = 0.85;

export async function downscalePhoto(file: Blob, maxDimension: number): Promise<DownscaledPhoto> {
  // imageOrientation 'from-image' applies the EXIF rotation of tablet cameras before we measure.
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const { width, height } = fitWithin(bitmap.width, bitmap.height, maxDimension);
    if (typeof OffscreenCanvas !== 'undefined') {
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d');
      if (!context) throw new Error('E_PHOTO_CANVAS: no 2D context');
      context.drawImage(bitmap, 0, 0, width, height);
      return { blob: await canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY }), width, height };
    }
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('E_PHOTO_CANVAS: no 2D context');
    context.drawImage(bitmap, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
    if (!blob) throw new Error('E_PHOTO_ENCODE: the photo could not be encoded');
    return { blob, width, height };
  } finally {
    bitmap.close();
  }
}
