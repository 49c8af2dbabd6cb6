import { DEFAULT_TIME_ZONE, wallClock } from '../../publish/parade-state.js';
import { dictionary } from '../i18n.js';

/** A form's values as it sends them back: field name → text. */
export type Values = Record<string, string>;

export function LangSelect(props: { value?: string | null }) {
  return (
    <select id="lang" name="lang">
      <option value="de" selected={props.value !== 'en'}>
        Deutsch
      </option>
      <option value="en" selected={props.value === 'en'}>
        English
      </option>
    </select>
  );
}

/**
 * What a parade says about itself, as the host fills it in: on creation (prefilled from the call
 * post) and on the dashboard (the parade as it stands).
 */
export function ParadeDetailFields(props: { lang: string; values: Values }) {
  const t = dictionary(props.lang);
  const v = props.values;
  return (
    <>
      <label for="title">{t.title}</label>
      <input type="text" id="title" name="title" maxlength={300} value={v.title ?? ''} />
      <label for="hostName">{t.hostName}</label>
      <input type="text" id="hostName" name="hostName" maxlength={200} value={v.hostName ?? ''} />
      <label for="description">{t.description}</label>
      <textarea id="description" name="description" maxlength={2000} rows={3}>
        {v.description ?? ''}
      </textarea>
      <label for="prompt">{t.prompt}</label>
      <input type="text" id="prompt" name="prompt" maxlength={500} value={v.prompt ?? ''} />
      <label for="hashtag">{t.hashtag}</label>
      <input type="text" id="hashtag" name="hashtag" maxlength={100} value={v.hashtag ?? ''} />
      <label for="deadline">{t.deadline}</label>
      <input type="date" id="deadline" name="deadline" value={v.deadline ?? ''} />
      <label for="deadlineTime">{t.deadlineTime}</label>
      <input type="time" id="deadlineTime" name="deadlineTime" value={v.deadlineTime ?? ''} />
      <label for="timeZone">{t.timeZone}</label>
      <input
        type="text"
        id="timeZone"
        name="timeZone"
        maxlength={64}
        value={v.timeZone ?? DEFAULT_TIME_ZONE}
      />
    </>
  );
}

/** A parsed form's fields as the form shows them again: a field not given is empty. */
export function formValues(data: Record<string, string | undefined>): Values {
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v ?? '']));
}

/** The form's date and time fields as one deadline ("2026-05-15" or "2026-05-15T18:00"). */
export function joinDeadline(date: string | undefined, time: string | undefined): string | undefined {
  return date && time ? `${date}T${time}` : date;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A stored deadline as the form shows it: the day, and the time unless it is the end of the day. */
export function deadlineFields(
  deadline: string | null,
  zone: string,
): { deadline: string; deadlineTime: string } {
  if (!deadline) return { deadline: '', deadlineTime: '' };
  const w = wallClock(Date.parse(deadline), zone);
  const endOfDay = w.hour === 23 && w.minute === 59 && w.second === 59;
  return {
    deadline: `${w.year}-${pad(w.month)}-${pad(w.day)}`,
    deadlineTime: endOfDay ? '' : `${pad(w.hour)}:${pad(w.minute)}`,
  };
}
