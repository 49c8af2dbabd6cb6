import type { Child } from 'hono/jsx';
import { dictionary } from '../i18n.js';
import { Layout } from './layout.js';

/** A secret or a snippet the visitor takes away, with a button that copies it (served script, no inline JS). */
export function CopyField(props: { id: string; value: string; label: string; link?: boolean }) {
  return (
    <p>
      {props.link ? (
        <a id={props.id} class="secret" href={props.value}>
          {props.value}
        </a>
      ) : (
        <code id={props.id} class="secret">
          {props.value}
        </code>
      )}{' '}
      <button type="button" data-copy={props.id}>
        {props.label}
      </button>
    </p>
  );
}

/** The one page that shows a host their new secret link: after a rotation or a claim. */
export function NewAdminLinkPage(props: {
  lang: string;
  slug: string;
  title: string;
  adminUrl: string;
  status: string;
  children?: Child;
}) {
  const t = dictionary(props.lang);
  return (
    <Layout
      lang={props.lang}
      title={`${t.admin} · ${props.title}`}
      head={<script src="/assets/copy.js" defer />}
    >
      <h1>{props.title}</h1>
      <p role="status">{props.status}</p>
      <CopyField id="admin-url" value={props.adminUrl} label={t.copy} link />
      {props.children}
      <p>
        <a href={`/p/${props.slug}/admin`}>{t.toAdmin}</a>
      </p>
    </Layout>
  );
}
