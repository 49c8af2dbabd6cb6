/** open: taking entries; closing: the deadline is near (days, see parade-state); closed: past the deadline or closed by the host. */
export type ParadeState = 'open' | 'closing' | 'closed';

/** What the renderers need of a parade; filled from the store by the web layer. */
export interface PublishedParade {
  slug: string;
  title: string;
  callUrl: string;
  prompt: string | null;
  hashtag: string | null;
  /** The host's name (blog or person), when known. */
  hostName: string | null;
  lang: string;
  /** ISO 8601 instant, or null when the parade has no deadline. */
  deadline: string | null;
  /** IANA zone the deadline is shown in (default Europe/Berlin). */
  timeZone: string;
  state: ParadeState;
  createdAt: string;
  /** The last change a reader can see (title, deadline, entries…); absent means createdAt. */
  changedAt?: string | null;
  /** When the host closed the parade early, if they did. */
  closedAt?: string | null;
  /** Absolute URL of the parade's overview on korso. */
  url: string;
  /** The host's own words for the round-up's opening, or null (korso then writes one). */
  roundupIntro: string | null;
}

export interface PublishedList {
  ordered: boolean;
  intro: string | null;
  /** text is plain; html came out of sanitize/ and may be emitted raw. */
  items: { text: string; html: string }[];
  /** A nested list names the list (index in the entry's lists) and the item it sits under. */
  parent?: { list: number; item: number } | null;
}

export interface PublishedEntry {
  id: number;
  url: string;
  title: string | null;
  author: string | null;
  published: string | null;
  excerpt: string | null;
  lists: PublishedList[];
  firstSeen: string;
  /** When the post itself last changed (its modified date, else when korso saw it change, else first seen). */
  updated: string;
  /** Published (or, without a date, first seen) after the deadline. */
  late: boolean;
  /** The blog's name (og:site_name, else its host). */
  blogName: string;
  /** The blog's home page. */
  blogUrl: string;
  feedUrl: string | null;
}

/** A theme as the round-up and the lists page show it: what many answers say, and who says it. */
export interface PublishedTheme {
  label: string;
  participants: { name: string; url: string }[];
  items: { text: string; url: string }[];
}
