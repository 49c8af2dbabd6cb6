import { parseReasonText, renderReason } from '../reasons/catalog.js';
import { loadReason, type Reason } from '../reasons/reason.js';

/** An entry's reason: its stored code, or for rows from before codes, the code its English words parse to. */
export function entryReason(entry: {
  reason: string;
  reason_code: string;
  reason_params: string | null;
}): Reason {
  return entry.reason_code
    ? loadReason(entry.reason_code, entry.reason_params)
    : parseReasonText(entry.reason);
}

/** Words stored without a code (a discovery source's last error) in the page's language. */
export function localizeReason(text: string, lang: string | null | undefined): string {
  return renderReason(parseReasonText(text), lang);
}
