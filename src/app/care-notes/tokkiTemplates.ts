// The 特記事項 templates (forms/care-assessment/tokki-templates.json) parsed at the boundary, and the phrases offered for one item.
import { z } from 'zod';
import { itemGroup } from './tokkiPhrase.ts';

const Phrases = z.array(z.string().trim().min(1).max(300));

export const TokkiTemplatesSchema = z.object({
  $comment: z.string().optional(),
  version: z.literal(1),
  common: Phrases,
  groups: z.record(z.string().regex(/^\d+$/), Phrases),
  items: z.record(z.string().regex(/^\d+-\d+$/), Phrases),
});

export type TokkiTemplates = z.infer<typeof TokkiTemplatesSchema>;

export interface PhraseGroups {
  item: string[];
  group: string[];
  common: string[];
}

/** Item-specific phrases first, then the item's 群, then the ones for every item. */
export function phrasesFor(templates: TokkiTemplates, item: string): PhraseGroups {
  return { item: templates.items[item] ?? [], group: templates.groups[itemGroup(item)] ?? [], common: templates.common };
}

/** Loads the templates (their own small chunk, precached with the app, so it works offline). */
export async function loadTokkiTemplates(): Promise<TokkiTemplates> {
  const module = await import('../../../forms/care-assessment/tokki-templates.json');
  return TokkiTemplatesSchema.parse(module.default);
}
