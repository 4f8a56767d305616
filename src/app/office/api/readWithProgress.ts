// Reads a response body chunk by chunk, telling how much has arrived of how much (Content-Length), into one Blob.
import { OfficeError } from './officeError.ts';

/** How much of a download has arrived; `total` from Content-Length, null when the server did not say (or a compressed transfer outgrew it). */
export interface DownloadProgress {
  received: number;
  total: number | null;
}

export async function readWithProgress(response: Response, onProgress: (progress: DownloadProgress) => void): Promise<Blob> {
  const type = response.headers.get('content-type') ?? '';
  const length = Number(response.headers.get('content-length'));
  const total = Number.isSafeInteger(length) && length > 0 ? length : null;
  if (!response.body) return response.blob();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  onProgress({ received, total });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      // A compressed transfer can deliver more bytes than Content-Length names: then the total is unknown, not over 100 %.
      onProgress({ received, total: total !== null && received <= total ? total : null });
    }
  } catch (error) {
    // The connection broke mid-file: said like any other lost connection.
    throw new OfficeError('E_OFFLINE', error instanceof Error ? error.message : String(error));
  }
  return new Blob(chunks as BlobPart[], { type });
}
