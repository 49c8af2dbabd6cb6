export interface LinkedSignal {
  signal: AbortSignal;
  abort(): void;
  /** Unhooks from the parents; a long-lived parent would otherwise collect one listener per request. */
  dispose(): void;
}

/** A signal that aborts with any of its parents or by hand (AbortSignal.any cannot be unhooked on Node 20). */
export function linkSignals(parents: readonly AbortSignal[]): LinkedSignal {
  const controller = new AbortController();
  const abort = () => controller.abort();
  for (const parent of parents) {
    if (parent.aborted) abort();
    else parent.addEventListener('abort', abort, { once: true });
  }
  return {
    signal: controller.signal,
    abort,
    dispose: () => {
      for (const parent of parents) parent.removeEventListener('abort', abort);
    },
  };
}
