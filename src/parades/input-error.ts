/** Input a user can fix (a bad URL, an unknown slug): the CLI exits 2, the web answers 400. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
