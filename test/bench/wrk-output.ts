/** What one `wrk --latency` run printed, in numbers: times in milliseconds, sizes in bytes. */
export interface WrkResult {
  requestsPerSec: number;
  requests: number;
  durationS: number;
  bytesRead: number;
  latency: { p50: number; p75: number; p90: number; p99: number };
  socketErrors: { connect: number; read: number; write: number; timeout: number };
  non2xx: number;
}

const TIME_UNITS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const SIZE_UNITS: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 };

/** wrk prints times as `812.00us`, `12.72ms`, `9.31s`, `1.02m`. */
export function parseWrkTime(text: string): number {
  const match = text.trim().match(/^([\d.]+)(us|ms|s|m|h)$/);
  if (!match) throw new Error(`not a wrk time: "${text}"`);
  return Number(match[1]) * (TIME_UNITS[match[2] as string] as number);
}

function parseWrkSize(text: string): number {
  const match = text.trim().match(/^([\d.]+)(B|KB|MB|GB|TB)$/);
  if (!match) throw new Error(`not a wrk size: "${text}"`);
  return Number(match[1]) * (SIZE_UNITS[match[2] as string] as number);
}

function required(output: string, pattern: RegExp, what: string): RegExpMatchArray {
  const match = output.match(pattern);
  if (!match) throw new Error(`wrk output has no ${what} (was --latency given?):\n${output}`);
  return match;
}

export function parseWrkOutput(output: string): WrkResult {
  const percentile = (p: number) =>
    parseWrkTime(
      required(output, new RegExp(`^\\s*${p}%\\s+(\\S+)\\s*$`, 'm'), `${p}% latency`)[1] as string,
    );
  const total = required(output, /^\s*(\d+) requests in ([\d.]+\w+), ([\d.]+\w+) read/m, 'request count');
  const errors = output.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/);
  const non2xx = output.match(/Non-2xx or 3xx responses: (\d+)/);
  return {
    requestsPerSec: Number(required(output, /^Requests\/sec:\s+([\d.]+)/m, 'Requests/sec')[1]),
    requests: Number(total[1]),
    durationS: parseWrkTime(total[2] as string) / 1000,
    bytesRead: parseWrkSize(total[3] as string),
    latency: { p50: percentile(50), p75: percentile(75), p90: percentile(90), p99: percentile(99) },
    socketErrors: {
      connect: Number(errors?.[1] ?? 0),
      read: Number(errors?.[2] ?? 0),
      write: Number(errors?.[3] ?? 0),
      timeout: Number(errors?.[4] ?? 0),
    },
    non2xx: Number(non2xx?.[1] ?? 0),
  };
}
