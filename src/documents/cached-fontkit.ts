// The fontkit handed to pdf-lib: parses a font's bytes once per byte array (Noto Sans JP is 5.4 MB), maps text to glyphs without
// OpenType shaping (form text needs none), and keeps subset glyph records word-aligned.
//
// Why the alignment: @pdf-lib/fontkit 1.1.1 writes a subset's `loca` table in the short format (offsets / 2)
// whenever the subset is small, but copies glyph records of odd length as they are, so every glyph after an
// odd one points one byte off and renders blank or garbled — silently (Hopding/pdf-lib#1232, fixed upstream in
// foliojs/fontkit#191 but not in the fork pdf-lib uses). Half of Noto Sans JP's glyphs have odd length.
// Padding each copied record to an even length (as the TrueType spec recommends for `loca`) makes both formats
// valid. The patch is per subset instance — nothing global is changed — and test/documents checks the embedded
// subset glyph by glyph against the original font.
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';

export type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type Font = ReturnType<Fontkit['create']>;
type Subset = ReturnType<Font['createSubset']>;

/** The parts of fontkit's TrueType subset this file touches (not in its public types). */
interface TrueTypeSubsetInternals {
  glyf?: Uint8Array[];
  offset: number;
  _addGlyph?: (this: TrueTypeSubsetInternals, glyphId: number) => number;
}

const parsed = new WeakMap<Uint8Array, Font>();

function withEvenGlyphRecords(subset: Subset): Subset {
  const internals = subset as unknown as TrueTypeSubsetInternals;
  const addGlyph = internals._addGlyph;
  // CFF (OpenType) subsets have no glyf records: nothing to align.
  if (typeof addGlyph !== 'function') return subset;
  internals._addGlyph = function addEvenGlyph(glyphId) {
    const index = addGlyph.call(this, glyphId);
    const record = this.glyf?.[index];
    if (record && record.length % 2 === 1) {
      // Same class as the record (fontkit's bundled Buffer): its stream refuses plain Uint8Array chunks.
      const BufferClass = record.constructor as { alloc?: (size: number) => Uint8Array };
      const padded = typeof BufferClass.alloc === 'function' ? BufferClass.alloc(record.length + 1) : new Uint8Array(record.length + 1);
      padded.set(record);
      this.glyf![index] = padded;
      this.offset += 1;
    }
    return index;
  };
  return subset;
}

type GlyphRun = ReturnType<Font['layout']>;

/**
 * Glyphs straight from the font's cmap, one per character, without OpenType shaping. The 調査票 is horizontal
 * Japanese and Latin form text, which needs none (no ligatures, no contextual forms; Latin kerning is dropped), and
 * fontkit's shaper over a 17,000-glyph CJK font is the slowest step of a PDF (pdf-lib shapes every string it
 * measures or draws). pdf-lib reads only `glyphs` (ids, advance widths, code points for the ToUnicode map).
 */
function cmapRun(font: Font, text: string): GlyphRun {
  const glyphs = Array.from(text, (ch) => font.glyphForCodePoint(ch.codePointAt(0)!));
  const positions = glyphs.map((g) => ({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 }));
  return { glyphs, positions, advanceWidth: positions.reduce((sum, p) => sum + p.xAdvance, 0) } as unknown as GlyphRun;
}

/** Overrides createSubset and layout on this one font object (own properties: fontkit's prototypes stay untouched). */
function prepared(font: Font): Font {
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => withEvenGlyphRecords(createSubset());
  const layout = font.layout.bind(font);
  // Callers that ask for OpenType features get fontkit's shaping; pdf-lib asks for none unless embedFont was given some.
  font.layout = (text, features) => (features !== undefined ? layout(text, features) : cmapRun(font, text));
  return font;
}

/** A fontkit for pdf-lib's registerFontkit; the same Uint8Array passed again is not parsed again. */
export const cachedFontkit: Fontkit = {
  create(bytes: Uint8Array, postscriptName?: string): Font {
    if (postscriptName !== undefined) return prepared(fontkit.create(bytes, postscriptName));
    let font = parsed.get(bytes);
    if (!font) {
      font = prepared(fontkit.create(bytes));
      parsed.set(bytes, font);
    }
    return font;
  },
};
