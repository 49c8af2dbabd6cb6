export interface CalendarParade {
  slug: string;
  title: string;
  deadline: string;
  url: string;
  callUrl: string;
  lang: string;
}

/** RFC 5545 text: escape backslash, semicolon, comma and newlines. */
function text(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

function stamp(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
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

/** One event per parade deadline. */
export function renderCalendar(host: string, parades: CalendarParade[], now: Date): string {
  const events = parades.flatMap((p) => [
    'BEGIN:VEVENT',
    `UID:${p.slug}-deadline@${host}`,
    `DTSTAMP:${stamp(now.toISOString())}`,
    `DTSTART:${stamp(p.deadline)}`,
    `DTEND:${stamp(p.deadline)}`,
    `SUMMARY:${text(`${p.lang === 'en' ? 'Deadline' : 'Einsendeschluss'}: ${p.title}`)}`,
    `DESCRIPTION:${text(`${p.callUrl}\n${p.url}`)}`,
    `URL:${p.url}`,
    'END:VEVENT',
  ]);
  return `${[
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//korso//${host}//DE`,
    'CALSCALE:GREGORIAN',
    ...events,
    'END:VCALENDAR',
  ]
    .map(fold)
    .join('\r\n')}\r\n`;
}
