export { type BacklinkCheck, checkBacklink } from './backlink.js';
export { type DecodedHtml, decodeHtml } from './charset.js';
export { parseDate } from './dates.js';
export { extractPage } from './extract-page.js';
export { matchesPrompt } from './prompt-match.js';
export type { BacklinkPlace, ExtractedList, ExtractedPage, ExtractInput } from './types.js';
