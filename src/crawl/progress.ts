import cliProgress from 'cli-progress';

export interface Progress {
  grow(by: number): void;
  tick(url: string, kind: string, reason?: string): void;
  stop(): void;
}

/** A progress bar on a terminal, one plain line per entry otherwise (logs, CI). */
export function createProgress(stream: NodeJS.WriteStream): Progress {
  let total = 0;
  let done = 0;
  if (!stream.isTTY) {
    return {
      grow: (by) => {
        total += by;
      },
      tick: (url, kind, reason) => {
        done++;
        stream.write(`[${done}/${total}] ${kind}${reason ? ` (${reason})` : ''} ${url}\n`);
      },
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { stream, format: 'crawl [{bar}] {value}/{total} {url}', hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    grow: (by) => {
      total += by;
      if (!started) {
        bar.start(total, 0, { url: '' });
        started = true;
      } else bar.setTotal(total);
    },
    tick: (url) => {
      done++;
      bar.update(done, { url: url.length > 50 ? `…${url.slice(-49)}` : url });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
