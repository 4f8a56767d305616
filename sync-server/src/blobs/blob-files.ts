// Where blobs live on disk (content-addressed: <dataDir>/blobs/<first 2 hex>/<sha256>) and how a file is hashed.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';

export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

export function blobsDir(dataDir: string): string {
  return join(dataDir, 'blobs');
}

/** Unfinished tus uploads live here until their bytes are complete and verified. */
export function uploadsDir(dataDir: string): string {
  return join(dataDir, 'blobs', 'uploads');
}

/** The location stored in BlobRow: relative to blobsDir, so the data folder can move. */
export function blobLocation(hash: string): string {
  return `${hash.slice(0, 2)}/${hash}`;
}

export function blobFile(dataDir: string, location: string): string {
  return join(blobsDir(dataDir), location);
}

/** SHA-256 of a file as lower-case hex, streamed (a 50 MiB photo never sits in memory). */
export function sha256OfFile(path: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolvePromise(hash.digest('hex')));
  });
}
