import * as cheerio from 'cheerio';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { type CalendarParade, renderCalendar } from '../../src/publish/calendar-renderer.js';
import { opmlBlogs, renderOpml } from '../../src/publish/opml-renderer.js';
import type { PublishedEntry } from '../../src/publish/types.js';
import { xmlErrors } from './xml-check.js';

describe('OPML', () => {
  it('lists the combined feed, then each blog, with attributes escaped', () => {
    const xml = renderOpml(
      'Blogparade & Co',
      {
        title: 'Blogparade & Co',
        feedUrl: 'https://k.example/p/x/feed.xml',
        siteUrl: 'https://k.example/p/x',
      },
      [{ title: 'Anna "Blog"', feedUrl: 'https://anna.example/feed/?a=1&b=2', siteUrl: null }],
      new Date('2026-11-20T00:00:00Z'),
    );
    expect(xmlErrors(xml)).toEqual([]);
    const $ = cheerio.load(xml, { xml: true });
    expect($('opml').attr('version')).toBe('2.0');
    expect($('head title').text()).toBe('Blogparade & Co');
    expect($('head dateModified').text()).toBe('Fri, 20 Nov 2026 00:00:00 GMT');
    const outlines = $('outline')
      .map((_i, o) => ({ text: $(o).attr('text'), xmlUrl: $(o).attr('xmlUrl') }))
      .get();
    expect(outlines).toEqual([
      { text: 'Blogparade & Co', xmlUrl: 'https://k.example/p/x/feed.xml' },
      { text: 'Anna "Blog"', xmlUrl: 'https://anna.example/feed/?a=1&b=2' },
    ]);
  });

  it('names each blog and links its home page, once per feed', () => {
    const e = (over: Partial<PublishedEntry>): PublishedEntry => ({
      id: 1,
      url: 'https://anna.example/2026/wunsch/',
      title: null,
      author: 'Anna',
      published: null,
      excerpt: null,
      lists: [],
      firstSeen: '2026-11-01T00:00:00Z',
      updated: '2026-11-01T00:00:00Z',
      late: false,
      blogName: 'Annas Atelier',
      blogUrl: 'https://anna.example/',
      feedUrl: 'https://anna.example/feed/',
      ...over,
    });
    const blogs = opmlBlogs([
      e({}),
      e({ id: 2, url: 'https://anna.example/2026/zwei/' }),
      e({ id: 3, blogName: 'jonas.example', blogUrl: 'https://jonas.example/', feedUrl: null }),
      e({
        id: 4,
        blogName: 'Lenas Notizen',
        blogUrl: 'https://lena.example/',
        feedUrl: 'https://lena.example/rss',
      }),
    ]);
    expect(blogs).toEqual([
      { title: 'Annas Atelier', feedUrl: 'https://anna.example/feed/', siteUrl: 'https://anna.example/' },
      { title: 'Lenas Notizen', feedUrl: 'https://lena.example/rss', siteUrl: 'https://lena.example/' },
    ]);
    const $ = cheerio.load(renderOpml('x', blogs[0]!, blogs, new Date(0)), { xml: true });
    expect($('outline').last().attr('htmlUrl')).toBe('https://lena.example/');
    expect($('outline').last().attr('title')).toBe('Lenas Notizen');
  });
});

const wunschkunde: CalendarParade = {
  slug: 'wunschkunde',
  title: 'Mein Wunschkunde, ganz; ehrlich – eine sehr lange Blogparade mit Umlauten: äöüß äöüß äöüß',
  deadline: '2026-12-27T22:59:59.000Z',
  url: 'https://korso.example/p/wunschkunde',
  callUrl: 'https://host.example/aufruf/',
  lang: 'de',
  timeZone: 'Europe/Berlin',
  updated: '2026-11-29T10:00:00.000Z',
  sequence: 7,
};

function events(ics: string) {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('calendar', () => {
  it('writes one event per deadline with RFC 5545 escaping, CRLF and folding', () => {
    const ics = renderCalendar('korso.example', [wunschkunde]);
    const lines = ics.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(lines).toContain('UID:wunschkunde-deadline@korso.example');
    expect(lines.every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(
      'SUMMARY:Einsendeschluss: Mein Wunschkunde\\, ganz\\; ehrlich – eine sehr lange Blogparade mit Umlauten: äöüß äöüß äöüß',
    );
    expect(unfolded).toContain(
      'DESCRIPTION:Einsendeschluss: 27. Dezember 2026\\, 23:59 Uhr (MEZ)\\nAufruf: https://host.example/aufruf/\\nBeiträge: https://korso.example/p/wunschkunde',
    );
    const [event] = events(ics);
    expect(event?.summary).toBe(`Einsendeschluss: ${wunschkunde.title}`);
  });

  it.each([
    // End of the day in Berlin, winter and summer time: the whole day.
    ['2026-12-27T22:59:59.000Z', 'Europe/Berlin', 'DTSTART;VALUE=DATE:20261227', 'DTEND;VALUE=DATE:20261228'],
    ['2026-03-29T21:59:59.000Z', 'Europe/Berlin', 'DTSTART;VALUE=DATE:20260329', 'DTEND;VALUE=DATE:20260330'],
    ['2026-12-31T22:59:00.000Z', 'Europe/Berlin', 'DTSTART;VALUE=DATE:20261231', 'DTEND;VALUE=DATE:20270101'],
    // The same instant is 17:59 in New York: half an hour up to the deadline.
    ['2026-12-27T22:59:59.000Z', 'America/New_York', 'DTSTART:20261227T222959Z', 'DTEND:20261227T225959Z'],
    ['2026-05-15T10:00:00.000Z', 'Europe/Berlin', 'DTSTART:20260515T093000Z', 'DTEND:20260515T100000Z'],
  ])('a deadline at %s in %s is %s to %s', (deadline, timeZone, start, end) => {
    const ics = renderCalendar('korso.example', [{ ...wunschkunde, deadline, timeZone }]);
    const lines = ics.split('\r\n');
    expect(lines).toContain(start);
    expect(lines).toContain(end);
    const [event] = events(ics);
    expect(event!.endDate.compare(event!.startDate)).toBe(1);
  });

  it('stamps events with the parade’s last change, so an unchanged parade gives the same file', () => {
    const ics = renderCalendar('korso.example', [wunschkunde]);
    expect(ics).toBe(renderCalendar('korso.example', [{ ...wunschkunde }]));
    const lines = ics.split('\r\n');
    expect(lines).toContain('DTSTAMP:20261129T100000Z');
    expect(lines).toContain('LAST-MODIFIED:20261129T100000Z');
    expect(lines).toContain('SEQUENCE:7');
    expect(lines).toContain('URL:https://korso.example/p/wunschkunde');
    const [event] = events(ics);
    expect(event?.sequence).toBe(7);
    expect(event?.component.getFirstPropertyValue('url')).toBe('https://korso.example/p/wunschkunde');
    expect(event?.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-11-29T10:00:00Z');
  });

  it('is a valid empty calendar without parades', () => {
    const ics = renderCalendar('korso.example', []);
    expect(events(ics)).toEqual([]);
    expect(ics).toContain('PRODID:-//korso//korso.example//DE');
  });
});
