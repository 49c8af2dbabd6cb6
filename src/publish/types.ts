/** What the renderers need of a parade; filled from the store by the web layer. */
export interface PublishedParade {
  slug: string;
  title: string;
  callUrl: string;
  prompt: string | null;
  lang: string;
  deadline: string | null;
  createdAt: string;
}

export interface PublishedList {
  ordered: boolean;
  intro: string | null;
  /** text is plain; html came out of sanitize/ and may be emitted raw. */
  items: { text: string; html: string }[];
}

export interface PublishedEntry {
  url: string;
  title: string | null;
  author: string | null;
  published: string | null;
  excerpt: string | null;
  lists: PublishedList[];
  firstSeen: string;
  updated: string;
}
