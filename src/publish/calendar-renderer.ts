import { formatDeadline, localDayNumber, wallClock } from './parade-state.js';

export interface CalendarParade {
  slug: string;
  title: string;
  deadline: string;
  url: string;
  callUrl: string;
  lang: string;
  /** IANA zone the deadline is read in. */
  timeZone: string;
  /** The parade's last visible change: DTSTAMP and LAST-MODIFIED, so the file changes only when a parade does. */
  updated: string;
  /** Grows with every change of the parade (its change counter); calendars replace an event by it. */
  sequence: number;
}

/** RFC 5545 text: escape backslash, semicolon, comma and newlines. */
function text(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** A UTC DATE-TIME, e.g. 20260515T215959Z. */
function stamp(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function dateValue(dayNumber: number): string {
  return new Date(dayNumber * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
}

/** Lines longer than 75 octets are folded (RFC 5545 §3.1). */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = Math.min(start + (start === 0 ? 75 : 74), bytes.length);
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--; // never split a UTF-8 sequence
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
  }
  return parts.join('\r\n ');
}

/** How long the event before a deadline with a time of day lasts. */
const SHORT_EVENT_MS = 30 * 60 * 1000;

/**
 * When the event is. A deadline at the end of a day (23:59 in the parade's zone, what a deadline
 * without a time becomes) is an all-day event on that day, so calendars show it as "today"
 * without a block across midnight; any other deadline is a 30-minute event that ends at the deadline.
 * Times are UTC and days are DATE values, so no VTIMEZONE is needed.
 */
function when(p: CalendarParade): string[] {
  const deadline = new Date(p.deadline);
  const local = wallClock(deadline.getTime(), p.timeZone);
  if (local.hour === 23 && local.minute === 59) {
    const day = localDayNumber(deadline.getTime(), p.timeZone);
    return [`DTSTART;VALUE=DATE:${dateValue(day)}`, `DTEND;VALUE=DATE:${dateValue(day + 1)}`];
  }
  return [`DTSTART:${stamp(new Date(deadline.getTime() - SHORT_EVENT_MS))}`, `DTEND:${stamp(deadline)}`];
}

/** One event per parade deadline, stable between renders of unchanged parades. */
export function renderCalendar(host: string, parades: CalendarParade[], name = 'korso'): string {
  const events = parades.flatMap((p) => {
    const en = p.lang === 'en';
    const updated = stamp(new Date(p.updated));
    return [
      'BEGIN:VEVENT',
      `UID:${p.slug}-deadline@${host}`,
      `DTSTAMP:${updated}`,
      `LAST-MODIFIED:${updated}`,
      `SEQUENCE:${p.sequence}`,
      ...when(p),
      `SUMMARY:${text(`${en ? 'Deadline' : 'Einsendeschluss'}: ${p.title}`)}`,
      `DESCRIPTION:${text(
        [
          `${en ? 'Deadline' : 'Einsendeschluss'}: ${formatDeadline(p.deadline, p.lang, p.timeZone)}`,
          `${en ? 'Call' : 'Aufruf'}: ${p.callUrl}`,
          `${en ? 'Entries' : 'Beiträge'}: ${p.url}`,
        ].join('\n'),
      )}`,
      `URL:${p.url}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    ];
  });
  return `${[
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//korso//${host}//DE`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(name)}`,
    ...events,
    'END:VCALENDAR',
  ]
    .map(fold)
    .join('\r\n')}\r\n`;
}
