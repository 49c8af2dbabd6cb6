import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkBacklink, extractPage } from '../../src/extract/index.js';
import { fixtureDatesMatch } from '../eval/scoring.js';

const fixturesRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

interface Expected {
  title?: string | null;
  author?: string | null;
  published?: string | null;
  lang?: string | null;
  canonicalUrl?: string | null;
  lists?: { ordered: boolean; intro: string | null; items: string[] }[];
  links?: string[];
  backlink?: 'content' | 'elsewhere' | 'none';
}

interface Meta {
  url: string;
  contentType?: string | null;
  callUrl?: string;
}

function fixtureNames(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'expected.json')))
        .map((entry) => entry.name)
        .sort()
    : [];
}

function checkFixture(dir: string): void {
  const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected;
  const meta = JSON.parse(readFileSync(path.join(dir, 'meta.json'), 'utf8')) as Meta;
  const page = extractPage({
    bytes: readFileSync(path.join(dir, 'page.html')),
    url: meta.url,
    contentType: meta.contentType ?? null,
  });
  if (expected.lists !== undefined) {
    expect(page.lists.map(({ ordered, intro, items }) => ({ ordered, intro, items }))).toEqual(
      expected.lists,
    );
  }
  for (const field of ['title', 'author', 'lang', 'canonicalUrl'] as const) {
    if (field in expected) expect(page[field], field).toBe(expected[field]);
  }
  if ('published' in expected) {
    expect(fixtureDatesMatch(expected.published ?? null, page.published), `published ${page.published}`).toBe(
      true,
    );
  }
  if (expected.links !== undefined) expect(page.links).toEqual(expected.links);
  if (expected.backlink !== undefined && meta.callUrl !== undefined) {
    expect(checkBacklink(page, [meta.callUrl]).place).toBe(expected.backlink);
  }
}

// The seed set and the German development set (test/fixtures/extract-dev, by list kind). Every
// page of both passes exactly; a page added later that does not yet pass belongs in the eval only.
describe.each([
  ['hand-made fixtures (test/fixtures/extract)', 'extract', 25],
  ['German development set (test/fixtures/extract-dev)', 'extract-dev', 40],
])('%s', (_label, folder, minimum) => {
  const dir = path.join(fixturesRoot, folder);
  const names = fixtureNames(dir);

  it('finds the fixture set', () => {
    expect(names.length).toBeGreaterThanOrEqual(minimum);
  });

  it.each(names)('%s', (name) => {
    checkFixture(path.join(dir, name));
  });
});
