const QUOTES = /["'„“”‚‘’«»‹›`´]/g;
const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** Folds case, quotes, ellipsis, umlaut spellings and whitespace so that variants compare equal. */
export function foldForMatch(text: string, spaces: '' | ' ' = ''): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[äöüß]/g, (char) => UMLAUTS[char]!)
    .replace(QUOTES, '')
    .replace(/…/g, '...')
    .replace(/[\s\u200b\u2060]+/g, spaces);
}

function foldPrompt(prompt: string): string {
  // "Mein Wunschkunde ist …" – the trailing ellipsis or colon is the blank the entry fills in.
  return foldForMatch(prompt).replace(/(\.\.\.|:)+$/, '');
}

function hashtagPattern(tag: string): RegExp | null {
  const folded = foldForMatch(tag.replace(/^#+/, ''));
  if (folded === '') return null;
  const escaped = folded.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`#${escaped}(?![\\p{L}\\p{N}_])`, 'u');
}

/**
 * Whether `text` carries the parade's prompt phrase or one of its hashtags, ignoring case, quote
 * style („“”"‚'), … vs ..., umlaut spellings (ä/ae, ö/oe, ü/ue, ß/ss) and whitespace.
 */
export function matchesPrompt(text: string, prompt: string | null, hashtags: string[] = []): boolean {
  const folded = foldForMatch(text);
  if (prompt !== null) {
    const phrase = foldPrompt(prompt);
    if (phrase !== '' && folded.includes(phrase)) return true;
  }
  // A hashtag written into the prompt ("#Lernmomente – was …") counts on its own, too.
  const tags = [...hashtags, ...(prompt?.match(/#[\p{L}\p{N}_]+/gu) ?? [])];
  const spaced = tags.length > 0 ? foldForMatch(text, ' ') : '';
  for (const tag of tags) {
    const pattern = hashtagPattern(tag);
    if (pattern?.test(spaced)) return true;
  }
  return false;
}
