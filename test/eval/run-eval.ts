/**
 * Scores extractPage on the readability-pages corpus (../shared/corpus/readability-pages) and on
 * the hand-made fixtures (test/fixtures/extract/*). Run: npm run eval [-- --verbose] [-- --page NAME]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkBacklink, extractPage } from '../../src/extract/index.js';
import type { ExtractedPage } from '../../src/extract/types.js';
import { chromeTruthLists } from './chrome-truth.js';
import {
  compareLists,
  datesMatch,
  fixtureDatesMatch,
  type ItemCounts,
  namesMatch,
  normalizeTitle,
  titlesMatch,
} from './scoring.js';
import { corpusDirFor } from './corpus-dir.js';
import { htmlText, tokenF1 } from './text-score.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpusDir = corpusDirFor(repoRoot);
const fixturesDir = path.join(repoRoot, 'test/fixtures/extract');
const devDir = path.join(repoRoot, 'test/fixtures/extract-dev');
const CORPUS_URL = 'http://fakehost/test/page.html';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const onlyPage = args.includes('--page') ? args[args.indexOf('--page') + 1] : undefined;

interface TruthList {
  ordered: boolean;
  items: string[];
  /** Set by the corpus for lists that Readability keeps but that are not lists of the post. */
  chrome?: string;
}

interface TruthMetadata {
  title?: string | null;
  byline?: string | null;
  publishedTime?: string | null;
}

interface FieldScore {
  total: number;
  correct: number;
  misses: string[];
}

const emptyField = (): FieldScore => ({ total: 0, correct: 0, misses: [] });

function scoreField(score: FieldScore, page: string, truth: string, ours: string | null, ok: boolean): void {
  score.total++;
  if (ok) score.correct++;
  else score.misses.push(`${page}: expected ${JSON.stringify(truth)}, got ${JSON.stringify(ours)}`);
}

function pct(score: FieldScore): string {
  return score.total === 0
    ? 'n/a'
    : `${((100 * score.correct) / score.total).toFixed(1)} % (${score.correct}/${score.total})`;
}

function f1(counts: ItemCounts): { precision: number; recall: number; f1: number } {
  const precision = counts.tp + counts.fp === 0 ? 1 : counts.tp / (counts.tp + counts.fp);
  const recall = counts.tp + counts.fn === 0 ? 1 : counts.tp / (counts.tp + counts.fn);
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
  };
}

function printItems(label: string, counts: ItemCounts): void {
  const { precision, recall, f1: f } = f1(counts);
  console.log(
    `${label} list items: precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}  F1 ${f.toFixed(3)}  (tp ${counts.tp}, fp ${counts.fp}, fn ${counts.fn})`,
  );
}

function evaluateCorpus(): void {
  if (!existsSync(corpusDir)) {
    console.log(`corpus not found at ${corpusDir}`);
    return;
  }
  const pages = readdirSync(corpusDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && (onlyPage === undefined || entry.name === onlyPage))
    .map((entry) => entry.name)
    .sort();
  const items: ItemCounts = { tp: 0, fp: 0, fn: 0 };
  const bySpec: ItemCounts = { tp: 0, fp: 0, fn: 0 };
  const byMark: ItemCounts = { tp: 0, fp: 0, fn: 0 };
  const byDesign: string[] = [];
  const textScores: number[] = [];
  let listFree = 0;
  let listFreeKept = 0;
  const listFreeMisses: string[] = [];
  const title = emptyField();
  const author = emptyField();
  const date = emptyField();
  const perPage: string[] = [];
  for (const name of pages) {
    const dir = path.join(corpusDir, name);
    const html = readFileSync(path.join(dir, 'source.html'), 'utf8');
    const truthLists = JSON.parse(readFileSync(path.join(dir, 'lists.json'), 'utf8')) as TruthList[];
    const truthMeta = JSON.parse(
      readFileSync(path.join(dir, 'expected-metadata.json'), 'utf8'),
    ) as TruthMetadata;
    const page = extractPage({ html, url: CORPUS_URL });
    const counts = compareLists(
      truthLists.map((list) => list.items),
      page.lists.map((list) => list.items),
    );
    items.tp += counts.tp;
    items.fp += counts.fp;
    items.fn += counts.fn;
    const chrome =
      counts.fn > 0
        ? chromeTruthLists(
            html,
            truthLists.map((list) => list.items),
          )
        : [];
    const specTruth = truthLists
      .map((list) => list.items)
      .filter((list) => !chrome.some((c) => c.items === list));
    const specCounts = compareLists(
      specTruth,
      page.lists.map((list) => list.items),
    );
    bySpec.tp += specCounts.tp;
    bySpec.fp += specCounts.fp;
    bySpec.fn += specCounts.fn;
    const markCounts = compareLists(
      truthLists.filter((list) => list.chrome === undefined).map((list) => list.items),
      page.lists.map((list) => list.items),
    );
    byMark.tp += markCounts.tp;
    byMark.fp += markCounts.fp;
    byMark.fn += markCounts.fn;
    const expectedHtml = path.join(dir, 'expected.html');
    if (existsSync(expectedHtml))
      textScores.push(tokenF1(htmlText(readFileSync(expectedHtml, 'utf8')), page.text));
    for (const list of chrome) {
      byDesign.push(
        `${name}: ${list.items.length} items, ${list.reason}: ${JSON.stringify(list.items.slice(0, 3).map((i) => i.slice(0, 40)))}`,
      );
    }
    if (counts.fp + counts.fn > 0) {
      perPage.push(`${name}: tp ${counts.tp} fp ${counts.fp} fn ${counts.fn}`);
      if (verbose) {
        for (const missing of counts.missing.slice(0, 8))
          perPage.push(`    - missing ${JSON.stringify(missing.slice(0, 90))}`);
        for (const extra of counts.extra.slice(0, 8))
          perPage.push(`    + extra   ${JSON.stringify(extra.slice(0, 90))}`);
      }
    }
    if (truthLists.length === 0) {
      listFree++;
      if (page.lists.length === 0) listFreeKept++;
      else listFreeMisses.push(`${name} (${page.lists.length} lists)`);
    }
    scoreMetadata(name, truthMeta, page, title, author, date);
  }
  const { f1: f } = f1(items);
  const { f1: fSpec } = f1(bySpec);
  console.log(`\n== readability-pages corpus: ${pages.length} pages ==`);
  printItems('corpus', items);
  printItems(
    'corpus without truth lists that are tables of contents or comment threads (not lists of the post by the extraction issue; see test/eval/chrome-truth.ts)',
    bySpec,
  );
  printItems(
    'corpus without the lists its truth marks "chrome" (lists.json; reporting one is a false positive)',
    byMark,
  );
  const meanText = textScores.reduce((sum, value) => sum + value, 0) / Math.max(1, textScores.length);
  console.log(
    `main text: mean token F1 of text against expected.html ${meanText.toFixed(3)} (${textScores.length} pages)`,
  );
  console.log(
    `list-free pages that stayed list-free: ${((100 * listFreeKept) / Math.max(1, listFree)).toFixed(1)} % (${listFreeKept}/${listFree})`,
  );
  console.log(`title accuracy:  ${pct(title)}`);
  console.log(`author accuracy: ${pct(author)}`);
  console.log(`date accuracy:   ${pct(date)}`);
  const targets = [
    ['list-item F1 >= 0.97 (all truth lists)', f >= 0.97],
    ['list-item F1 >= 0.97 (truth without tables of contents and comment threads)', fSpec >= 0.97],
    ['list-free kept >= 95 %', listFreeKept / Math.max(1, listFree) >= 0.95],
    ['title >= 95 %', title.correct / Math.max(1, title.total) >= 0.95],
    ['author >= 90 %', author.correct / Math.max(1, author.total) >= 0.9],
    ['date >= 95 %', date.correct / Math.max(1, date.total) >= 0.95],
  ] as const;
  console.log(`targets: ${targets.map(([label, ok]) => `${ok ? 'PASS' : 'FAIL'} ${label}`).join(' | ')}`);
  if (perPage.length > 0) console.log(`\npages with list differences:\n  ${perPage.join('\n  ')}`);
  if (byDesign.length > 0) {
    console.log(
      `\ntruth lists that are tables of contents or comment threads (left out of the second score):\n  ${byDesign.join('\n  ')}`,
    );
  }
  if (listFreeMisses.length > 0) console.log(`list-free pages given lists: ${listFreeMisses.join(', ')}`);
  for (const [label, field] of [
    ['title', title],
    ['author', author],
    ['date', date],
  ] as const) {
    if (field.misses.length > 0) console.log(`${label} misses:\n  ${field.misses.join('\n  ')}`);
  }
}

function scoreMetadata(
  name: string,
  truth: TruthMetadata,
  page: ExtractedPage,
  title: FieldScore,
  author: FieldScore,
  date: FieldScore,
): void {
  if (truth.title && normalizeTitle(truth.title) !== '') {
    scoreField(title, name, truth.title, page.title, titlesMatch(truth.title, page.title));
  }
  if (truth.byline && truth.byline.trim() !== '') {
    scoreField(author, name, truth.byline, page.author, namesMatch(truth.byline, page.author));
  }
  if (truth.publishedTime && truth.publishedTime.trim() !== '') {
    scoreField(
      date,
      name,
      truth.publishedTime,
      page.published,
      datesMatch(truth.publishedTime, page.published),
    );
  }
}

interface FixtureList {
  ordered: boolean;
  intro: string | null;
  items: string[];
}

interface FixtureExpected {
  title?: string | null;
  author?: string | null;
  published?: string | null;
  lang?: string | null;
  lists?: FixtureList[];
  links?: string[];
  backlink?: 'content' | 'elsewhere' | 'none';
}

interface ListScore {
  pages: number;
  exactPages: number;
  listFree: number;
  listFreeKept: number;
  introTotal: number;
  introCorrect: number;
}

/** Same lists in the same order (ordered flag and items; the intro is scored on its own). */
function pageExact(expected: FixtureList[], got: ExtractedPage['lists']): boolean {
  return (
    expected.length === got.length &&
    expected.every(
      (list, index) =>
        got[index]!.ordered === list.ordered &&
        JSON.stringify(got[index]!.items) === JSON.stringify(list.items),
    )
  );
}

/** Lead-ins: a truth list counts when a found list with the same items has the same intro. */
function scoreIntros(expected: FixtureList[], got: ExtractedPage['lists'], score: ListScore): void {
  for (const list of expected) {
    score.introTotal++;
    const match = got.find((candidate) => JSON.stringify(candidate.items) === JSON.stringify(list.items));
    if (match !== undefined && match.intro === list.intro) score.introCorrect++;
  }
}

function evaluateFixtures(dir: string, label: string): void {
  console.log(`\n== ${label} ==`);
  if (!existsSync(dir)) {
    console.log('no fixtures directory yet');
    return;
  }
  const names = readdirSync(dir, { withFileTypes: true })
    .filter(
      (entry) =>
        entry.isDirectory() &&
        existsSync(path.join(dir, entry.name, 'expected.json')) &&
        (onlyPage === undefined || entry.name === onlyPage),
    )
    .map((entry) => entry.name)
    .sort();
  const items: ItemCounts = { tp: 0, fp: 0, fn: 0 };
  const score: ListScore = {
    pages: 0,
    exactPages: 0,
    listFree: 0,
    listFreeKept: 0,
    introTotal: 0,
    introCorrect: 0,
  };
  let lists = 0;
  let listsExact = 0;
  let intros = 0;
  let introsExact = 0;
  const fields = new Map<string, FieldScore>();
  const problems: string[] = [];
  const inexact: string[] = [];
  for (const name of names) {
    const pageDir = path.join(dir, name);
    const expected = JSON.parse(readFileSync(path.join(pageDir, 'expected.json'), 'utf8')) as FixtureExpected;
    const meta = JSON.parse(readFileSync(path.join(pageDir, 'meta.json'), 'utf8')) as {
      url: string;
      contentType?: string;
      callUrl?: string;
    };
    const page = extractPage({
      bytes: readFileSync(path.join(pageDir, 'page.html')),
      url: meta.url,
      contentType: meta.contentType ?? null,
    });
    const expectedLists = expected.lists ?? [];
    const counts = compareLists(
      expectedLists.map((list) => list.items),
      page.lists.map((list) => list.items),
    );
    items.tp += counts.tp;
    items.fp += counts.fp;
    items.fn += counts.fn;
    score.pages++;
    if (pageExact(expectedLists, page.lists)) score.exactPages++;
    else inexact.push(`${name} (tp ${counts.tp} fp ${counts.fp} fn ${counts.fn})`);
    if (expectedLists.length === 0) {
      score.listFree++;
      if (page.lists.length === 0) score.listFreeKept++;
    }
    scoreIntros(expectedLists, page.lists, score);
    lists += expectedLists.length;
    expectedLists.forEach((list, index) => {
      const got = page.lists[index];
      const exact =
        got !== undefined &&
        got.ordered === list.ordered &&
        JSON.stringify(got.items) === JSON.stringify(list.items) &&
        got.intro === list.intro;
      if (exact) listsExact++;
      intros++;
      if (got !== undefined && got.intro === list.intro) introsExact++;
      else
        problems.push(
          `${name} list ${index}: intro expected ${JSON.stringify(list.intro)}, got ${JSON.stringify(got?.intro)}`,
        );
      if (got !== undefined && JSON.stringify(got.items) !== JSON.stringify(list.items)) {
        problems.push(
          `${name} list ${index}: items expected ${JSON.stringify(list.items)}, got ${JSON.stringify(got.items)}`,
        );
      }
      if (got !== undefined && got.ordered !== list.ordered)
        problems.push(`${name} list ${index}: ordered expected ${list.ordered}`);
    });
    if (page.lists.length !== expectedLists.length) {
      problems.push(
        `${name}: ${expectedLists.length} lists expected, got ${page.lists.length}: ${JSON.stringify(page.lists.map((l) => l.items.slice(0, 2)))}`,
      );
    }
    for (const field of ['title', 'author', 'published', 'lang'] as const) {
      if (!(field in expected)) continue;
      const fieldScore = fields.get(field) ?? emptyField();
      fields.set(field, fieldScore);
      const want = expected[field] ?? null;
      const got = page[field];
      const ok = field === 'published' ? fixtureDatesMatch(want, got) : want === got;
      scoreField(fieldScore, name, String(want), got, ok);
    }
    if (expected.links !== undefined) {
      const fieldScore = fields.get('links') ?? emptyField();
      fields.set('links', fieldScore);
      const ok = JSON.stringify(page.links) === JSON.stringify(expected.links);
      scoreField(fieldScore, name, JSON.stringify(expected.links), JSON.stringify(page.links), ok);
    }
    if (expected.backlink !== undefined && meta.callUrl !== undefined) {
      const fieldScore = fields.get('backlink') ?? emptyField();
      fields.set('backlink', fieldScore);
      const place = checkBacklink(page, [meta.callUrl]).place;
      scoreField(fieldScore, name, expected.backlink, place, place === expected.backlink);
    }
  }
  console.log(`${names.length} fixtures`);
  printItems('fixture', items);
  console.log(
    `lists exact (ordered, items, intro): ${listsExact}/${lists}   intros exact: ${introsExact}/${intros}`,
  );
  console.log(
    `exact pages (same lists, order and items): ${score.exactPages}/${score.pages}   list-free pages kept clean: ${score.listFreeKept}/${score.listFree}   lead-in accuracy: ${pct({ total: score.introTotal, correct: score.introCorrect, misses: [] })}`,
  );
  for (const [field, fieldScore] of fields) console.log(`${field}: ${pct(fieldScore)}`);
  // The extraction issue's aim on unseen German pages: F1 0.95, 54 of 60 exact, 11 of 12 list-free clean.
  const targets = [
    ['list-item F1 >= 0.95', f1(items).f1 >= 0.95],
    ['exact pages >= 90 %', score.exactPages >= 0.9 * score.pages],
    ['list-free kept clean >= 11/12', score.listFreeKept * 12 >= 11 * score.listFree],
  ] as const;
  console.log(`targets: ${targets.map(([label, ok]) => `${ok ? 'PASS' : 'FAIL'} ${label}`).join(' | ')}`);
  if (inexact.length > 0) console.log(`\npages not exact:\n  ${inexact.join('\n  ')}`);
  if (problems.length > 0) console.log(`\nfixture differences:\n  ${problems.join('\n  ')}`);
  for (const [field, fieldScore] of fields) {
    if (fieldScore.misses.length > 0) console.log(`${field} misses:\n  ${fieldScore.misses.join('\n  ')}`);
  }
}

evaluateCorpus();
evaluateFixtures(fixturesDir, 'hand-made fixtures (test/fixtures/extract)');
evaluateFixtures(devDir, 'German development set (test/fixtures/extract-dev)');
