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
