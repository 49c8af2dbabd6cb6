/** What the entry point lets the web app call back into (kept apart so routes never import the app factory). */
export interface AppHooks {
  /** Called after a new entry is registered, so the in-process scheduler fetches it at once. */
  onEntryAdded?: () => void;
}
