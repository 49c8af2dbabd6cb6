export { sanitizeHtml } from './sanitize-html.js';
export { collapseWhitespace, stripText, truncateText } from './text.js';
export { absolutizeUrl, normalizeUrl } from './url.js';
