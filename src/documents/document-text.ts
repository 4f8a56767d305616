// The document's own words (part titles, header and footer, yes/no), Japanese first with English; form labels come from the definition.

export type DocumentLanguage = 'ja' | 'en';

const TEXT = {
  ja: {
    overviewPart: '認定調査票（概況調査）',
    basicPart: '認定調査票（基本調査）',
    notesPart: '認定調査票（特記事項）',
    noNotes: '特記事項はありません。',
    continued: '（続き）',
    yes: 'はい',
    no: 'いいえ',
    recordId: '記録ID',
    generatedAt: '作成日時',
    page: (page: number, total: number) => `${page} / ${total} ページ`,
    date: (y: string, m: string, d: string) => `${y}年${Number(m)}月${Number(d)}日`,
  },
  en: {
    overviewPart: 'Certification survey (overview)',
    basicPart: 'Certification survey (basic survey)',
    notesPart: 'Certification survey (special notes)',
    noNotes: 'There are no special notes.',
    continued: '(continued)',
    yes: 'Yes',
    no: 'No',
    recordId: 'Record ID',
    generatedAt: 'Generated',
    page: (page: number, total: number) => `Page ${page} of ${total}`,
    date: (y: string, m: string, d: string) => `${y}-${m}-${d}`,
  },
} as const;

export type DocumentText = (typeof TEXT)[DocumentLanguage];

export function documentText(lang: DocumentLanguage): DocumentText {
  return TEXT[lang];
}
