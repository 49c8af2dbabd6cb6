import { describe, expect, it } from 'vitest';
import { matchesPrompt } from '../../src/extract/index.js';

const PROMPT = 'Mein Wunschkunde ist …';

describe('matchesPrompt', () => {
  it.each([
    ['exact phrase', 'Heute: Mein Wunschkunde ist …', true],
    ['other case', 'MEIN WUNSCHKUNDE IST...', true],
    ['three dots instead of …', 'Mein Wunschkunde ist ...', true],
    ['no ellipsis at all', 'Mein Wunschkunde ist jemand, der zuhört.', true],
    ['quoted', '„Mein Wunschkunde ist“ – so heißt die Blogparade', true],
    ['line breaks and double spaces', 'Mein\n  Wunschkunde   ist', true],
    ['different words', 'Mein Traumkunde ist …', false],
  ])('%s', (_case, text, expected) => {
    expect(matchesPrompt(text, PROMPT)).toBe(expected);
  });

  it.each([
    ['ü vs ue', 'Blogparade: Grüße aus dem Büro', 'Gruesse aus dem Buero', true],
    ['ß vs ss', 'Die Strasse der Wünsche', 'Die Straße der Wünsche', true],
    ['ä/ö', 'Maerchenhafte Koenige', 'Märchenhafte Könige', true],
    ['curly vs straight quotes', 'Er sagt "Hallo Welt" laut', 'Er sagt „Hallo Welt“ laut', true],
  ])('%s', (_case, text, prompt, expected) => {
    expect(matchesPrompt(text, prompt)).toBe(expected);
  });

  it.each([
    ['hashtag in the text', 'Mein Beitrag zur #Wunschkundenparade!', ['#wunschkundenparade'], true],
    ['hashtag given without #', 'Mein Beitrag zur #Wunschkundenparade', ['Wunschkundenparade'], true],
    ['hashtag with umlaut spelled ue', '#Wuensche2024 sind da', ['#Wünsche2024'], true],
    [
      'longer hashtag does not count',
      'Mein Beitrag zur #Wunschkundenparade2',
      ['#wunschkundenparade'],
      false,
    ],
    ['the word without # does not count', 'Wunschkundenparade', ['#wunschkundenparade'], false],
  ])('%s', (_case, text, tags, expected) => {
    expect(matchesPrompt(text, null, tags)).toBe(expected);
  });

  it('matches a hashtag that is part of the prompt', () => {
    expect(
      matchesPrompt('Meine Antwort auf #Lernmomente', '#Lernmomente – was mich mein erstes Jahr gelehrt hat'),
    ).toBe(true);
  });

  it('is false without prompt and hashtags', () => {
    expect(matchesPrompt('irgendein Text', null)).toBe(false);
  });
});
