/**
 * Publication dates as ISO 8601, keeping what the page states: a date alone stays a date
 * ("2013-04-22"), a time keeps its UTC offset ("2013-04-22T10:15:00+02:00") or stays local when the
 * page gives none — converting to UTC would move late-evening posts to the next calendar day.
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  januar: 1,
  january: 1,
  jänner: 1,
  jaenner: 1,
  janv: 1,
  janvier: 1,
  enero: 1,
  feb: 2,
  februar: 2,
  february: 2,
  feber: 2,
  févr: 2,
  fevrier: 2,
  février: 2,
  febrero: 2,
  mar: 3,
  mär: 3,
  maer: 3,
  märz: 3,
  maerz: 3,
  march: 3,
  mars: 3,
  marzo: 3,
  apr: 4,
  april: 4,
  avr: 4,
  avril: 4,
  abril: 4,
  may: 5,
  mai: 5,
  mayo: 5,
  jun: 6,
  juni: 6,
  june: 6,
  juin: 6,
  junio: 6,
  jul: 7,
  juli: 7,
  july: 7,
  juil: 7,
  juillet: 7,
  julio: 7,
  aug: 8,
  august: 8,
  août: 8,
  aout: 8,
  agosto: 8,
  sep: 9,
  sept: 9,
  september: 9,
  septembre: 9,
  septiembre: 9,
  okt: 10,
  oct: 10,
  oktober: 10,
  october: 10,
  octobre: 10,
  octubre: 10,
  nov: 11,
  november: 11,
  novembre: 11,
  noviembre: 11,
  dez: 12,
  dec: 12,
  dezember: 12,
  december: 12,
  déc: 12,
  décembre: 12,
  decembre: 12,
  diciembre: 12,
};

const MONTH_NAME = '([A-Za-zÄÖÜäöüéû]{3,10})\\.?';
const TIME =
  '(?:,?\\s*(?:um|at|à|-|–)?\\s*(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.|uhr|h)?)?';

const ISO =
  /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2}|UTC|GMT)?)?\s*$/i;
/** "22. April 2013", "22 Apr 2013", "Mittwoch, 22. April 2013 um 10:15 Uhr" */
const DAY_MONTH_YEAR = new RegExp(`(?:^|[^\\d])(\\d{1,2})\\.?\\s+${MONTH_NAME}\\s+(\\d{4})${TIME}`, 'i');
/** "April 22, 2013", "Apr. 22nd 2013 at 10:15 am" */
const MONTH_DAY_YEAR = new RegExp(`${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}`, 'i');
/** "22.04.2013", "22.4.2013 10:15" */
const NUMERIC_DMY = new RegExp(`(?:^|[^\\d.])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?![\\d.]\\d)${TIME}`);
/** "2013/04/22" */
const NUMERIC_YMD = /(?:^|[^\d])(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)/;
const RFC_2822 =
  /^\s*(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{2}:\d{2}(?::\d{2})?\s*(?:GMT|UTC|[+-]\d{4}|[A-Z]{3})\s*$/;

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

function validDate(year: number, month: number, day: number): boolean {
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function formatDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function formatOffset(raw: string): string {
  const upper = raw.toUpperCase();
  if (upper === 'Z' || upper === 'UTC' || upper === 'GMT') return 'Z';
  const digits = raw.replace(':', '');
  return digits.length === 3 ? `${digits}:00` : `${digits.slice(0, 3)}:${digits.slice(3)}`;
}

function withTime(date: string, hour?: string, minute?: string, second?: string, meridiem?: string): string {
  if (hour === undefined || minute === undefined) return date;
  let h = Number(hour);
  const suffix = meridiem?.toLowerCase().replace(/\./g, '');
  if (suffix === 'pm' && h < 12) h += 12;
  if (suffix === 'am' && h === 12) h = 0;
  const m = Number(minute);
  const s = second === undefined ? 0 : Number(second);
  if (h > 23 || m > 59 || s > 59) return date;
  return `${date}T${pad(h)}:${pad(m)}:${pad(s)}`;
}

function monthNumber(name: string): number | undefined {
  const key = name.toLowerCase().replace(/\.$/, '');
  return MONTHS[key] ?? MONTHS[key.slice(0, 3)];
}

function parseIso(text: string): string | null {
  const match = ISO.exec(text);
  if (match === null) return null;
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (!validDate(year, month, day)) return null;
  const date = formatDate(year, month, day);
  if (h === undefined) return date;
  // Milliseconds are kept so the value stays the same instant; microseconds are cut to them.
  const millis =
    fraction === undefined || /^0+$/.test(fraction) ? '' : `.${fraction.slice(0, 3).padEnd(3, '0')}`;
  const local = `${withTime(date, h, mi, s ?? '00')}${millis}`;
  return zone === undefined ? local : `${local}${formatOffset(zone)}`;
}

function parseRfc2822(text: string): string | null {
  if (!RFC_2822.test(text)) return null;
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time).toISOString().replace('.000Z', 'Z');
}

function parseWritten(text: string): string | null {
  let match = DAY_MONTH_YEAR.exec(text);
  if (match !== null) {
    const month = monthNumber(match[2]!);
    const [day, year] = [Number(match[1]), Number(match[3])];
    if (month !== undefined && validDate(year, month, day)) {
      return withTime(formatDate(year, month, day), match[4], match[5], match[6], match[7]);
    }
  }
  match = MONTH_DAY_YEAR.exec(text);
  if (match !== null) {
    const month = monthNumber(match[1]!);
    const [day, year] = [Number(match[2]), Number(match[3])];
    if (month !== undefined && validDate(year, month, day)) {
      return withTime(formatDate(year, month, day), match[4], match[5], match[6], match[7]);
    }
  }
  match = NUMERIC_DMY.exec(text);
  if (match !== null) {
    const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (validDate(year, month, day))
      return withTime(formatDate(year, month, day), match[4], match[5], match[6]);
  }
  match = NUMERIC_YMD.exec(text);
  if (match !== null) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (validDate(year, month, day)) return formatDate(year, month, day);
  }
  return null;
}

/**
 * Parses a machine date (ISO 8601, RFC 2822) or a written German/English/French/Spanish one
 * ("22. April 2013", "22.04.2013", "April 22, 2013") into ISO 8601; null when none is found.
 */
export function parseDate(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return parseIso(trimmed) ?? parseRfc2822(trimmed) ?? parseWritten(trimmed);
}
