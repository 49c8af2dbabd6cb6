// The web layer's i18n re-exports formatDate from here; the formatter lives with the parade's time zone.
export { formatDate } from './parade-state.js';
