import { describe, expect, it } from 'vitest';
import { extractPage } from '../../src/extract/index.js';
import { blogPage, paragraphs } from './page-builder.js';

const POST_LIST =
  '<p>Das wünsche ich mir:</p><ul><li>offen reden</li><li>ehrlich sein</li><li>pünktlich zahlen</li></ul>';
const CHROME_LIST =
  '<ul><li><a href="/a/">Erster Beitrag im Blog</a></li><li><a href="/b/">Zweiter Beitrag</a></li></ul>';

function itemsWith(chrome: string): string[][] {
  const html = blogPage({
    content: `${paragraphs()}${POST_LIST}${chrome}<p>Danke fürs Lesen, bis bald.</p>`,
  });
  return extractPage({ html, url: 'https://blog.example/post/' }).lists.map((list) => list.items);
}

describe('chrome inside the post body is left out', () => {
  it.each([
    ['<nav>', `<nav>${CHROME_LIST}</nav>`],
    ['<aside>', `<aside>${CHROME_LIST}</aside>`],
    ['<footer>', `<footer>${CHROME_LIST}</footer>`],
    ['role=navigation', `<div role="navigation">${CHROME_LIST}</div>`],
    ['share bar (.sharedaddy)', `<div class="sharedaddy sd-sharing-enabled">${CHROME_LIST}</div>`],
    ['share bar (.shariff)', `<div class="shariff">${CHROME_LIST}</div>`],
    [
      'related posts (.jp-relatedposts)',
      `<div id="jp-relatedposts" class="jp-relatedposts">${CHROME_LIST}</div>`,
    ],
    ['related posts (.yarpp-related)', `<div class="yarpp-related">${CHROME_LIST}</div>`],
    ['related posts (.crp_related)', `<div class="crp_related">${CHROME_LIST}</div>`],
    ['comments (#comments)', `<div id="comments">${CHROME_LIST}</div>`],
    ['comment list (.comment-list)', `<ol class="comment-list"><li>Toller Beitrag!</li><li>Danke!</li></ol>`],
    ['cookie banner', `<div class="cookie-notice">${CHROME_LIST}</div>`],
    ['breadcrumbs', `<div class="breadcrumbs">${CHROME_LIST}</div>`],
    ['pagination', `<div class="pagination">${CHROME_LIST}</div>`],
    ['post navigation', `<div class="nav-links">${CHROME_LIST}</div>`],
    ['TOC plugin (#ez-toc-container)', `<div id="ez-toc-container">${CHROME_LIST}</div>`],
    [
      'TOC by structure (in-page anchors)',
      '<ul><li><a href="#eins">Eins</a></li><li><a href="#zwei">Zwei</a></li></ul>',
    ],
    ['hidden block', `<div style="display:none">${CHROME_LIST}</div>`],
    ['aria-hidden block', `<div aria-hidden="true">${CHROME_LIST}</div>`],
    ['tag list (.tags-links)', `<span class="tags-links">${CHROME_LIST}</span>`],
    ['post meta line (.postmetadata)', `<div class="postmetadata alt">${CHROME_LIST}</div>`],
    ['author box', `<div class="author-box">${CHROME_LIST}</div>`],
    ['newsletter box', `<div class="newsletter-signup"><p>Abonniere uns:</p>${CHROME_LIST}</div>`],
  ])('%s', (_chrome, chrome) => {
    expect(itemsWith(chrome)).toEqual([['offen reden', 'ehrlich sein', 'pünktlich zahlen']]);
  });

  it.each([
    [
      'prev/next line of links',
      '<p class="datum"><a href="/a.html">« Voriger Beitrag</a> | <a href="/">Zum Tagebuch</a></p>',
      '/a.html',
    ],
    ['a share button', '<p class="button-wrapper"><a href="/share">Teilen</a></p>', '/share'],
    [
      'a byline with the author link',
      '<div class="article-byline"><a href="/author/anna/">Anna Sonne</a> · 3 Min.</div>',
      '/author/anna/',
    ],
  ])('leaves %s out of the content links', (_case, chrome, href) => {
    const html = blogPage({
      content: `${paragraphs()}<p>Mit <a href="https://call.example/">Link</a>.</p>${chrome}`,
    });
    const page = extractPage({ html, url: 'https://blog.example/post/' });
    expect(page.links).toEqual(['https://call.example/']);
    expect(page.otherLinks).toContain(new URL(href, 'https://blog.example/post/').href);
  });

  it('keeps a line of links to other blogs: the author wrote it', () => {
    const line =
      '<p><a href="https://anna.example/">Annas Garten</a> · <a href="https://ben.example/">Bens Balkon</a> · <a href="https://cem.example/">Cems Beet</a></p>';
    const page = extractPage({
      html: blogPage({ content: `${paragraphs()}${line}` }),
      url: 'https://blog.example/post/',
    });
    expect(page.links).toEqual(['https://anna.example/', 'https://ben.example/', 'https://cem.example/']);
  });

  it.each([
    ['Elementor text-editor widgets', 'elementor-element elementor-widget elementor-widget-text-editor'],
    ['an Elementor widget container', 'elementor-widget-container'],
  ])('keeps %s: "widget" there names a builder block, not a sidebar', (_case, cls) => {
    expect(itemsWith(`<div class="${cls}"><ul><li>eigener Punkt</li><li>noch einer</li></ul></div>`)).toEqual(
      [
        ['offen reden', 'ehrlich sein', 'pünktlich zahlen'],
        ['eigener Punkt', 'noch einer'],
      ],
    );
  });

  it('still leaves out an Elementor share-buttons widget', () => {
    expect(
      itemsWith(
        `<div class="elementor-element elementor-widget elementor-widget-share-buttons">${CHROME_LIST}</div>`,
      ),
    ).toEqual([['offen reden', 'ehrlich sein', 'pünktlich zahlen']]);
  });

  it('leaves lists of the page chrome around the post out (menu, widgets, related posts, comments, footer)', () => {
    expect(itemsWith('')).toEqual([['offen reden', 'ehrlich sein', 'pünktlich zahlen']]);
  });

  it('keeps blocks whose class merely contains a chrome word ("tocsin", "subscribers")', () => {
    expect(
      itemsWith('<div class="tocsin subscribers"><ul><li>eigener Punkt</li><li>noch einer</li></ul></div>'),
    ).toEqual([
      ['offen reden', 'ehrlich sein', 'pünktlich zahlen'],
      ['eigener Punkt', 'noch einer'],
    ]);
  });
});
