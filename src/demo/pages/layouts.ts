import type { LayoutName } from '../content.js';
import * as blogger from './blogger.js';
import * as ghost from './ghost.js';
import * as hugo from './hugo.js';
import * as jimdo from './jimdo.js';
import * as legacyHtml from './legacy-html.js';
import { type PageModel, slugify } from './markup.js';
import * as wordpressBlock from './wordpress-block.js';
import * as wordpressClassic from './wordpress-classic.js';

export interface Layout {
  renderPage(m: PageModel): string;
  /** The post body alone, as the platform's feed carries it. */
  renderContent(m: PageModel): string;
  /** Where the platform puts category and tag archives, below the blog's home. */
  termPath(kind: 'category' | 'tag', text: string): string;
  /** The feed's `<generator>`. */
  generator: string;
}

const wordpressTerms = (kind: 'category' | 'tag', text: string) => `${kind}/${slugify(text)}/`;

export const layouts: Record<LayoutName, Layout> = {
  'wordpress-classic': {
    ...wordpressClassic,
    termPath: wordpressTerms,
    generator: 'https://wordpress.org/?v=6.5.3',
  },
  'wordpress-block': {
    ...wordpressBlock,
    termPath: wordpressTerms,
    generator: 'https://wordpress.org/?v=6.6.1',
  },
  blogger: {
    ...blogger,
    termPath: (_kind, text) => `search/label/${encodeURIComponent(text)}`,
    generator: 'Blogger',
  },
  ghost: { ...ghost, termPath: (_kind, text) => `tag/${slugify(text)}/`, generator: 'Ghost 5.82' },
  hugo: {
    ...hugo,
    termPath: (kind, text) => `${kind === 'tag' ? 'tags' : 'categories'}/${slugify(text)}/`,
    generator: 'Hugo -- gohugo.io',
  },
  jimdo: { ...jimdo, termPath: (_kind, text) => `blog/?tag=${encodeURIComponent(text)}`, generator: 'Jimdo' },
  'legacy-html': {
    ...legacyHtml,
    termPath: (_kind, text) => `${slugify(text)}.htm`,
    generator: 'Microsoft FrontPage 6.0',
  },
};
