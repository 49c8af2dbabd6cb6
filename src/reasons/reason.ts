/**
 * Why something is as it is — an entry's status, a failed check, a refused input — as a code with
 * parameters. Stored like that and rendered per language (render.ts), in pages and the API alike.
 * A parameter may itself be a reason (a frame such as "could not be fetched: …" around a detail).
 */
export interface Reason {
  code: string;
  params?: ReasonParams;
}

export type ReasonParam = string | number | Reason;
export type ReasonParams = Record<string, ReasonParam>;

export function reason(code: string, params?: ReasonParams): Reason {
  return params === undefined ? { code } : { code, params };
}

export function isReason(value: unknown): value is Reason {
  return typeof value === 'object' && value !== null && typeof (value as Reason).code === 'string';
}

/** The stored form: code column plus a JSON object (or null) of parameters. */
export function storedReason(r: Reason): { code: string; params: string | null } {
  return { code: r.code, params: r.params ? JSON.stringify(r.params) : null };
}

/** Reads the stored form back; params that are not a JSON object are ignored. */
export function loadReason(code: string, params: string | null): Reason {
  if (!params) return { code };
  try {
    const parsed: unknown = JSON.parse(params);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return { code, params: parsed as ReasonParams };
  } catch {
    // a broken parameter column shows the code's words without them
  }
  return { code };
}
