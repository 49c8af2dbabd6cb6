import { describe, expect, it } from 'vitest';
import {
  countdown,
  deadlineInstant,
  displayValidUntil,
  endOfDay,
  formatDate,
  formatDeadline,
  isLate,
  isTimeZone,
  paradeState,
  stateLabel,
  zonedInstant,
} from '../../src/publish/parade-state.js';

const BERLIN = 'Europe/Berlin';

describe('dates in the parade time zone', () => {
  it.each([
    ['2013-04-22T08:00:00Z', 'de', BERLIN, '22. April 2013'],
    ['2013-04-22T08:00:00Z', 'en', BERLIN, '22 April 2013'],
    // 23:30 UTC is already the next day in Berlin, still the same day in New York.
    ['2026-05-14T23:30:00Z', 'de', BERLIN, '15. Mai 2026'],
    ['2026-05-14T23:30:00Z', 'en', 'America/New_York', '14 May 2026'],
    // A bare calendar date is that day everywhere.
    ['2026-05-15', 'de', 'America/Los_Angeles', '15. Mai 2026'],
    [null, 'de', BERLIN, ''],
    ['kein Datum', 'de', BERLIN, ''],
  ])('formatDate(%j, %s, %s) is %j', (iso, lang, zone, expected) => {
    expect(formatDate(iso, lang, zone)).toBe(expected);
  });

  it('keeps the two-argument formatDate the web layer calls', () => {
    expect(formatDate('2026-11-12T08:00:00.000Z', 'de')).toBe('12. November 2026');
  });

  it.each([
    ['2026-05-15T21:59:00Z', 'de', BERLIN, '15. Mai 2026, 23:59 Uhr (MESZ)'],
    ['2026-05-15T21:59:00Z', 'en', BERLIN, '15 May 2026, 23:59 (CEST)'],
    ['2026-01-15T22:59:00Z', 'de', BERLIN, '15. Januar 2026, 23:59 Uhr (MEZ)'],
    ['2026-01-15T22:59:00Z', 'en', BERLIN, '15 January 2026, 23:59 (CET)'],
    ['2026-07-01T16:00:00Z', 'en', 'Europe/London', '1 July 2026, 17:00 (BST)'],
    ['2026-07-01T16:00:00Z', 'de', 'UTC', '1. Juli 2026, 16:00 Uhr (UTC)'],
    [null, 'de', BERLIN, ''],
  ])('formatDeadline(%j, %s, %s) is %j', (iso, lang, zone, expected) => {
    expect(formatDeadline(iso, lang, zone)).toBe(expected);
  });

  it.each([
    // The day the clocks go forward (23 hours long) and back (25 hours long).
    ['2026-03-29', BERLIN, '2026-03-29T21:59:59.000Z'],
    ['2026-10-25', BERLIN, '2026-10-25T22:59:59.000Z'],
    ['2026-03-28', BERLIN, '2026-03-28T22:59:59.000Z'],
    ['2026-12-31', BERLIN, '2026-12-31T22:59:59.000Z'],
    ['2026-07-01', 'America/New_York', '2026-07-02T03:59:59.000Z'],
    ['2024-02-29', 'UTC', '2024-02-29T23:59:59.000Z'],
  ])('a deadline of %s in %s ends at %s', (day, zone, expected) => {
    expect(endOfDay(day, zone)).toBe(expected);
    expect(formatDeadline(expected, 'de', zone)).toContain('23:59 Uhr');
  });

  it.each(['2026-02-30', '2026-13-01', '15.05.2026', ''])('refuses %j as a calendar day', (day) => {
    expect(() => endOfDay(day, BERLIN)).toThrow(/not a calendar date/);
  });

  it.each([
    ['2026-05-15', '2026-05-15T21:59:59.000Z'],
    ['2026-05-15T18:00', '2026-05-15T16:00:00.000Z'],
    ['2026-01-15 18:00:30', '2026-01-15T17:00:30.000Z'],
    ['2026-05-15T18:00:00+01:00', '2026-05-15T17:00:00.000Z'],
    ['2026-05-15T18:00:00Z', '2026-05-15T18:00:00.000Z'],
  ])('reads the deadline %j as %s in Berlin', (input, expected) => {
    expect(deadlineInstant(input, BERLIN)).toBe(expected);
  });

  it.each(['morgen', '2026-05-15T25:00', '2026-05-15T18:00:00+99'])('refuses %j as a deadline', (input) => {
    expect(() => deadlineInstant(input, BERLIN)).toThrow(RangeError);
  });

  it.each([
    // 02:30 does not exist on 29 March in Berlin: it moves forward by the hour skipped.
    [2026, 3, 29, 2, 30, '2026-03-29T01:30:00.000Z'],
    // 02:30 happens twice on 25 October: the first one counts.
    [2026, 10, 25, 2, 30, '2026-10-25T00:30:00.000Z'],
    [2026, 10, 25, 3, 30, '2026-10-25T02:30:00.000Z'],
  ])('wall clock %i-%i-%i %i:%i in Berlin is %s', (y, m, d, h, mi, expected) => {
    expect(zonedInstant(y, m, d, h, mi, 0, 0, BERLIN).toISOString()).toBe(expected);
  });

  it.each([
    ['Europe/Berlin', true],
    ['America/Argentina/Buenos_Aires', true],
    ['Mars/Olympus_Mons', false],
  ])('knows whether %s is a time zone', (zone, known) => {
    expect(isTimeZone(zone)).toBe(known);
  });
});

describe('state and countdown', () => {
  const deadline = '2026-05-15T21:59:59.000Z'; // 15 May, 23:59:59 in Berlin

  it.each([
    ['2026-05-01T10:00:00Z', null, 'open'],
    ['2026-05-12T21:59:59Z', null, 'closing'],
    ['2026-05-12T21:59:58Z', null, 'open'],
    ['2026-05-15T21:59:58Z', null, 'closing'],
    ['2026-05-15T21:59:59Z', null, 'closed'],
    ['2026-05-01T10:00:00Z', '2026-05-01T09:00:00Z', 'closed'],
    ['2026-05-01T10:00:00Z', '2026-05-02T09:00:00Z', 'open'],
  ] as const)('at %s (closed by host %s) the parade is %s', (now, closedAt, state) => {
    expect(paradeState(deadline, closedAt, new Date(now))).toBe(state);
  });

  it.each([
    ['open', 'de', 'offen'],
    ['closing', 'de', 'endet bald'],
    ['closed', 'de', 'beendet'],
    ['open', 'en', 'open'],
    ['closing', 'en', 'closing soon'],
    ['closed', 'en', 'closed'],
  ] as const)('%s in %s reads %j', (state, lang, label) => {
    expect(stateLabel(state, lang)).toBe(label);
  });

  it.each([
    ['2026-05-10T12:00:00Z', 'de', 'noch 5 Tage'],
    ['2026-05-10T12:00:00Z', 'en', '5 days left'],
    // 22:30 UTC on 9 May is 00:30 on 10 May in Berlin: five calendar days, not six.
    ['2026-05-09T22:30:00Z', 'de', 'noch 5 Tage'],
    ['2026-05-09T21:30:00Z', 'de', 'noch 6 Tage'],
    ['2026-05-14T06:00:00Z', 'de', 'noch 1 Tag'],
    ['2026-05-14T06:00:00Z', 'en', '1 day left'],
    ['2026-05-15T06:00:00Z', 'de', 'endet heute um 23:59 Uhr'],
    ['2026-05-15T06:00:00Z', 'en', 'ends today at 23:59'],
    ['2026-05-15T21:59:59.500Z', 'de', 'heute beendet'],
    ['2026-05-15T22:00:00Z', 'de', 'seit gestern beendet'],
    ['2026-05-16T21:30:00Z', 'de', 'seit gestern beendet'],
    ['2026-05-18T10:00:00Z', 'de', 'seit 3 Tagen beendet'],
    ['2026-05-18T10:00:00Z', 'en', 'ended 3 days ago'],
    ['2026-05-16T10:00:00Z', 'en', 'ended yesterday'],
  ])('at %s in %s: %j', (now, lang, text) => {
    expect(countdown(deadline, new Date(now), lang, BERLIN)).toBe(text);
  });

  it('counts the days across the change to summer time by the calendar', () => {
    // From 28 March noon to 30 March 23:59 in Berlin: 2 calendar days though only 59 hours.
    expect(countdown(endOfDay('2026-03-30', BERLIN), new Date('2026-03-28T11:00:00Z'), 'de', BERLIN)).toBe(
      'noch 2 Tage',
    );
  });

  it.each([
    ['2026-05-10T12:00:00Z', '2026-05-10T22:00:00.000Z', 'the next midnight in Berlin'],
    ['2026-05-12T21:00:00Z', '2026-05-12T21:59:59.000Z', 'the closing threshold, before midnight'],
    ['2026-05-15T21:30:00Z', '2026-05-15T21:59:59.000Z', 'the deadline, before midnight'],
    ['2026-05-20T10:00:00Z', '2026-05-20T22:00:00.000Z', '"seit n Tagen" after the deadline'],
    ['2026-03-28T12:00:00Z', '2026-03-28T23:00:00.000Z', 'midnight before the spring change'],
    ['2026-03-29T12:00:00Z', '2026-03-29T22:00:00.000Z', 'midnight after the spring change'],
    ['2026-10-25T12:00:00Z', '2026-10-25T23:00:00.000Z', 'midnight after the autumn change'],
  ])('at %s the texts are valid until %s (%s)', (now, until) => {
    expect(displayValidUntil({ deadline, timeZone: BERLIN }, new Date(now))?.toISOString()).toBe(until);
  });

  it('lets a scheduled close by the host end the validity', () => {
    const until = displayValidUntil(
      { deadline, timeZone: BERLIN, closedAt: '2026-05-10T15:00:00.000Z' },
      new Date('2026-05-10T12:00:00Z'),
    );
    expect(until?.toISOString()).toBe('2026-05-10T15:00:00.000Z');
  });

  it('keeps a page without a deadline valid until something else changes', () => {
    expect(
      displayValidUntil({ deadline: null, timeZone: BERLIN }, new Date('2026-05-10T12:00:00Z')),
    ).toBeNull();
  });

  it('every text stays the same until the validity ends, and one changes then', () => {
    const now = new Date('2026-05-10T12:00:00Z');
    const texts = (at: Date) => [
      paradeState(deadline, null, at),
      countdown(deadline, at, 'de', BERLIN),
      countdown(deadline, at, 'en', BERLIN),
    ];
    let at = now;
    for (let step = 0; step < 12; step++) {
      const until = displayValidUntil({ deadline, timeZone: BERLIN }, at);
      if (!until) break;
      expect(texts(new Date(until.getTime() - 1))).toEqual(texts(at));
      expect(texts(until)).not.toEqual(texts(at));
      at = until;
    }
  });

  it.each([
    [deadline, '2026-05-15T21:59:00Z', '2026-05-15T21:59:00Z', false],
    [deadline, '2026-05-15T22:00:00Z', '2026-05-15T20:00:00Z', true],
    [deadline, null, '2026-05-16T08:00:00Z', true],
    [null, '2030-01-01T00:00:00Z', '2030-01-01T00:00:00Z', false],
  ])('deadline %s, published %s, first seen %s: late is %s', (d, published, firstSeen, late) => {
    expect(isLate(d, published, firstSeen)).toBe(late);
  });
});
