import type { AppContext } from '../context.js';
import { groupThemes, type ThemeInput } from '../publish/themes.js';
import type { PublishedTheme } from '../publish/types.js';
import { allLiveEntries, listsOfLiveEntries } from '../store/listing-repository.js';
import type { PageCache } from './page-cache.js';
import { paradeOr404 } from './parade-pages.js';
import { hostOf } from './presenters.js';

/** The themes document as the API serves it and the lists page and round-up read it. */
export interface ThemesDocument {
  /** Live entries and their items that went into the grouping. */
  entries: number;
  items: number;
  themes: {
    label: string;
    /** How many participants (entries) name the theme … */
    participants: number;
    /** … and who they are. */
    who: { name: string; url: string }[];
    items: { text: string; url: string }[];
  }[];
}

/** Every item of every live entry, grouped: two queries and one pass of the theme engine. */
export async function computeThemes(ctx: AppContext, slug: string): Promise<ThemesDocument> {
  const parade = await paradeOr404(ctx, slug);
  const [entries, lists] = await Promise.all([
    allLiveEntries(ctx.db, parade.id),
    listsOfLiveEntries(ctx.db, parade.id),
  ]);
  const inputs: ThemeInput[] = [];
  // Oldest entry first, so ties between equally large themes follow the order the answers came in.
  for (const entry of [...entries].reverse()) {
    const name = entry.author ?? entry.site_name ?? hostOf(entry.url);
    for (const list of lists.get(entry.id) ?? []) {
      for (const item of list.items)
        inputs.push({ text: item.text, url: entry.url, participant: entry.url, name });
    }
  }
  const themes = groupThemes(inputs, { lang: parade.lang === 'en' ? 'en' : 'de' });
  return {
    entries: entries.length,
    items: inputs.length,
    themes: themes.map((t) => ({
      label: t.label,
      participants: t.participants.length,
      who: t.participants.map((p) => ({ name: p.name, url: p.url })),
      items: t.items,
    })),
  };
}

/** The parade's themes, computed once per change and shared by the API, the lists page and the round-up. */
export async function paradeThemes(ctx: AppContext, pages: PageCache, slug: string): Promise<ThemesDocument> {
  const body = await pages.document({ slug }, 'themes.json', async () => ({
    body: JSON.stringify(await computeThemes(ctx, slug)),
    contentType: 'application/json; charset=UTF-8',
  }));
  return JSON.parse(body.toString('utf8')) as ThemesDocument;
}

/** Themes in the shape the round-up and the charts take. */
export function publishedThemes(doc: ThemesDocument): PublishedTheme[] {
  return doc.themes.map((t) => ({ label: t.label, participants: t.who, items: t.items }));
}
