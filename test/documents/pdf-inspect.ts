// Test helper: reads a PDF back with pdf-lib — page sizes, the text of every page (hex glyph runs mapped through the
// font's ToUnicode CMap) and the embedded font program — so tests check what a reader of the PDF gets.
import {
  decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream, type PDFObject,
} from 'pdf-lib';

export interface InspectedPdf {
  pages: { width: number; height: number; lines: string[] }[];
  /** Embedded TrueType font programs (FontFile2), decoded. */
  fontFiles: Uint8Array[];
  /** Glyph code (CID) → the text it stands for, from the ToUnicode CMaps. */
  toUnicode: Map<number, string>;
  title: string | undefined;
}

function streamBytes(object: PDFObject | undefined): Uint8Array {
  if (object instanceof PDFRawStream) return decodePDFRawStream(object).decode();
  throw new Error(`expected a stream, got ${object?.constructor.name}`);
}

function latin1(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}

function parseToUnicode(cmap: string, into: Map<number, string>): void {
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      const units = m[2]!.match(/.{4}/g)!.map((h) => parseInt(h, 16));
      into.set(parseInt(m[1]!, 16), String.fromCharCode(...units));
    }
  }
}

export async function inspectPdf(bytes: Uint8Array): Promise<InspectedPdf> {
  const doc = await PDFDocument.load(bytes);
  const toUnicode = new Map<number, string>();
  const fontFiles: Uint8Array[] = [];
  const seenFonts = new Set<PDFDict>();
  const pages = doc.getPages().map((page) => {
    const fonts = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
    for (const [, ref] of fonts?.entries() ?? []) {
      const font = doc.context.lookup(ref, PDFDict);
      if (seenFonts.has(font)) continue;
      seenFonts.add(font);
      const unicode = font.get(PDFName.of('ToUnicode'));
      if (unicode) parseToUnicode(latin1(streamBytes(doc.context.lookup(unicode))), toUnicode);
      const descendant = font.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.lookup(0, PDFDict);
      const descriptor = descendant?.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
      const file = descriptor?.get(PDFName.of('FontFile2'));
      if (file) fontFiles.push(streamBytes(doc.context.lookup(file)));
    }
    const contents = page.node.Contents();
    const streams: PDFStream[] = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r, PDFStream)) : contents ? [contents] : [];
    const content = streams.map((s) => latin1(streamBytes(s))).join('\n');
    const lines = [...content.matchAll(/<([0-9a-fA-F]*)>\s*Tj/g)].map((m) =>
      (m[1]!.match(/.{4}/g) ?? []).map((h) => toUnicode.get(parseInt(h, 16)) ?? '\uFFFD').join(''),
    );
    const { width, height } = page.getSize();
    return { width, height, lines };
  });
  return { pages, fontFiles, toUnicode, title: doc.getTitle() };
}
