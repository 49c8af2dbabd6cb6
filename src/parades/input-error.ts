import { renderReason } from '../reasons/catalog.js';
import { type Reason, reason } from '../reasons/reason.js';

/** Input korso refuses, with the reason as a code (rendered per language) and the field it concerns. */
export class InputError extends Error {
  readonly reason: Reason;
  constructor(
    why: Reason | string,
    readonly field?: string,
    readonly status: 400 | 403 | 404 | 409 | 413 | 415 = 400,
  ) {
    const r = typeof why === 'string' ? reason('text', { text: why }) : why;
    super(renderReason(r, 'en'));
    this.reason = r;
  }
}
