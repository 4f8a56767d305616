// The 調査票 PDF font on the tablet: Noto Sans JP shipped as a hashed build asset of the app's own origin and precached by
// the service worker (vite.config.ts), so it loads offline; fetched once per app session and kept for the next PDF.
import fontUrl from '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf?url';

let font: Promise<Uint8Array> | null = null;

/** The font bytes; the same Uint8Array every time, so the builder parses the 5.4 MB font only once. */
export function carePdfFont(): Promise<Uint8Array> {
  font ??= fetch(fontUrl)
    .then(async (response) => {
      if (!response.ok) throw new Error(`E_PDF_FONT: ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    })
    .catch((error: unknown) => {
      // Not cached: the next press tries again (e.g. once the service worker has finished precaching).
      font = null;
      throw error;
    });
  return font;
}
