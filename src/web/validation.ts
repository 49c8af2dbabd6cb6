import type { Context } from 'hono';
import { validator } from 'hono/validator';
import { z } from 'zod';
import { HASHTAG, InputError, LIMITS, urlProblem } from '../parades/parade-service.js';
import { type Reason, reason } from '../reasons/reason.js';
import { checkCsrfToken, CSRF_FIELD } from './csrf.js';

// Fields arrive as strings (forms) or JSON values; an empty form field means "not given".
const text = (max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
    z.string().max(max).optional(),
  );

const url = (field: string) =>
  z.string().superRefine((value, zctx) => {
    const problem = urlProblem(value, field);
    if (problem) zctx.addIssue({ code: 'custom', params: { reason: problem } });
  });

const lang = z.enum(['de', 'en']);

export const createParadeSchema = z.object({
  callUrl: url('callUrl'),
  title: text(LIMITS.title),
  prompt: text(LIMITS.prompt),
  hashtag: text(LIMITS.hashtag).refine((v) => v === undefined || HASHTAG.test(v), {
    params: { reason: reason('input.hashtag') },
  }),
  hostName: text(LIMITS.hostName),
  description: text(LIMITS.description),
  deadline: text(40),
  slug: text(LIMITS.slug),
  lang: z.preprocess((v) => (v === '' ? undefined : v), lang.optional()),
  timeZone: text(64),
});

/** The dashboard's details form: every field is sent, an empty one clears it. */
export const paradeDetailsFormSchema = createParadeSchema
  .omit({ callUrl: true, slug: true })
  .extend({ deadlineTime: createParadeSchema.shape.deadline });

// In JSON a field left out stays as it is, null clears it.
const change = (max: number) => z.string().max(max).nullable().optional();

/** PATCH /api/parades/:slug: only the fields it names change. */
export const paradeDetailsJsonSchema = z.strictObject({
  title: change(LIMITS.title),
  prompt: change(LIMITS.prompt),
  hashtag: change(LIMITS.hashtag),
  hostName: change(LIMITS.hostName),
  description: change(LIMITS.description),
  deadline: change(40),
  lang: lang.nullable().optional(),
  timeZone: change(64),
});

export const prefillSchema = z.object({
  callUrl: url('callUrl'),
  lang: z.preprocess((v) => (v === '' ? undefined : v), lang.optional()),
});

export const entrySchema = z.object({ url: url('url') });

export const webmentionSchema = z.object({ source: url('source'), target: url('target') });

export const moderationSchema = z.object({ action: z.enum(['approve', 'reject']) });

export const blocklistSchema = z.object({
  domain: z.string().trim().min(1).max(253),
  action: z.enum(['block', 'unblock']).default('block'),
});

export const closeSchema = z.object({ action: z.enum(['close', 'reopen']) });

/** The host's own opening for the round-up; empty means korso writes one. */
export const roundupSchema = z.object({ intro: text(4000) });

/** A form of buttons only (check the call, rotate the link): the token is all it carries. */
export const buttonSchema = z.object({});

/** The code korso gave a claimer; it is checked against the call page. */
export const claimSchema = z.object({ code: z.string().trim().min(1).max(64) });

export const closeJsonSchema = z.object({ closed: z.boolean().default(true) });

const ACTIONS: Record<string, string> = {
  action: 'approve | reject | block | unblock | close | reopen',
};

/** The first problem of a parse as a reason with its field (the form shows one message at a time). */
function reasonOf(issue: z.core.$ZodIssue, input: Record<string, unknown>): { why: Reason; field: string } {
  const field = String(issue.path[0] ?? '');
  const custom = (issue as { params?: { reason?: Reason } }).params?.reason;
  if (custom) return { why: custom, field };
  switch (issue.code) {
    case 'too_big':
      return { why: reason('input.tooLong', { field, max: Number(issue.maximum) }), field };
    case 'too_small':
      return { why: reason('input.required', { field }), field };
    case 'unrecognized_keys':
      return {
        why: reason('input.unknownField', { fields: issue.keys.join(', ') }),
        field: issue.keys[0] ?? '',
      };
    case 'invalid_value':
      if (field === 'lang') return { why: reason('input.lang'), field };
      return { why: reason('input.action', { allowed: ACTIONS[field] ?? issue.values.join(' | ') }), field };
    case 'invalid_type':
      return {
        why:
          input[field] === undefined || input[field] === null
            ? reason('input.required', { field })
            : reason('input.notString', { field }),
        field,
      };
    default:
      return { why: reason('input.url', { field }), field };
  }
}

export type Parsed<T> =
  | { ok: true; data: T }
  | { ok: false; error: InputError; values: Record<string, string> };

export function parseWith<T>(schema: z.ZodType<T>, value: unknown): Parsed<T> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  const first = result.error.issues[0];
  const input = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const { why, field } = first ? reasonOf(first, input) : { why: reason('input.form'), field: '' };
  const values = Object.fromEntries(
    Object.entries((value ?? {}) as Record<string, unknown>).filter(
      (e): e is [string, string] => typeof e[1] === 'string',
    ),
  );
  return { ok: false, error: new InputError(why, field || undefined), values };
}

/** Form fields, their CSRF token checked first; a refused field comes back as a value the page renders. */
export function formInput<T>(schema: z.ZodType<T>) {
  return validator('form', async (value, c: Context): Promise<Parsed<T>> => {
    checkCsrfToken(c, typeof value[CSRF_FIELD] === 'string' ? value[CSRF_FIELD] : undefined);
    const { [CSRF_FIELD]: _token, ...fields } = value;
    // A file or a repeated field where korso's forms send one text: not a form of korso's.
    if (Object.values(fields).some((v) => typeof v !== 'string'))
      return { ok: false, error: new InputError(reason('input.form')), values: {} };
    return parseWith(schema, fields);
  });
}

/** A JSON object sent as application/json (a form or text/plain post is refused before it is read). */
export function jsonInput<T>(schema: z.ZodType<T>) {
  return validator('json', async (value, c: Context): Promise<T> => {
    const type = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json')
      throw new InputError(reason('input.contentType', { type: 'application/json' }), undefined, 415);
    if (!value || typeof value !== 'object' || Array.isArray(value))
      throw new InputError(reason('input.jsonObject'));
    const parsed = parseWith(schema, value);
    if (!parsed.ok) throw parsed.error;
    return parsed.data;
  });
}
