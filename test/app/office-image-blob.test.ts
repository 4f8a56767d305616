// The office shows a fetched blob only when it was served as an allowed image type (issue 12: an HTML "photo" must never get a same-origin blob: URL).
import { describe, expect, it } from 'vitest';
import { imageBlobOrNull } from '../../src/app/office/shared/imageBlob.ts';

describe('imageBlobOrNull', () => {
  it.each(['image/jpeg', 'image/png', 'image/webp', 'IMAGE/PNG', 'image/png; charset=binary'])('keeps %s', (type) => {
    const blob = new Blob(['x'], { type });
    expect(imageBlobOrNull(blob)).toBe(blob);
  });

  it.each(['text/html', 'image/svg+xml', 'application/octet-stream', 'application/xhtml+xml', 'image/gif', ''])('refuses %j', (type) => {
    expect(imageBlobOrNull(new Blob(['<script>alert(1)</script>'], { type }))).toBeNull();
  });
});
