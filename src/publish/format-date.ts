const formatters = new Map<string, Intl.DateTimeFormat>();

/** A date as readers of the parade's language write it, e.g. "22. April 2013" (formatters are cached: building one costs more than using it). */
export function formatDate(iso: string | null, lang: string, zone = 'UTC'): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const key = `${lang}|${zone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'de-DE', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: zone,
    });
    formatters.set(key, f);
  }
  return f.format(date);
}
