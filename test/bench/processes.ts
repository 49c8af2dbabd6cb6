import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { onCleanup, sleep } from './bench-support.js';

export interface RunningProcess {
  child: ChildProcess;
  pid: number;
  /** Resolves with the exit code (or signal name) once the process is gone. */
  exited: Promise<number | string>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Spawns a process that is stopped on exit, error or Ctrl-C, whatever happens to the benchmark. */
export function startProcess(
  command: string,
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; stdout?: (chunk: string) => void; stderr?: (chunk: string) => void } = {},
): RunningProcess {
  const child = spawn(command, args, { env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
    child.once('error', (error) => resolve(error.message));
  });
  child.stdout?.setEncoding('utf8').on('data', (c: string) => opts.stdout?.(c));
  child.stderr?.setEncoding('utf8').on('data', (c: string) => opts.stderr?.(c));
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (gone) return;
    child.kill(signal);
    const timedOut = await Promise.race([exited.then(() => false), sleep(5000).then(() => true)]);
    if (timedOut) {
      child.kill('SIGKILL');
      await exited;
    }
  };
  onCleanup(stop);
  return { child, pid: child.pid, exited, stop };
}

/** Runs a command to its end and returns its stdout; throws with its stderr when it fails. */
export function runToEnd(command: string, args: string[]): Promise<string> {
  let stdout = '';
  let stderr = '';
  const running = startProcess(command, args, {
    stdout: (c) => {
      stdout += c;
    },
    stderr: (c) => {
      stderr += c;
    },
  });
  return running.exited.then((code) => {
    if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}: ${stderr.trim()}`);
    return stdout;
  });
}

export function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** CPU time (user + system) a process has used so far, in clock ticks (/proc/PID/stat fields 14 and 15). */
function cpuTicks(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name in parentheses may contain spaces; the fields after it are plain.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** Waits until the process has stopped working off requests that a finished load run left queued. */
export async function waitUntilIdle(pid: number, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = cpuTicks(pid);
  let quiet = 0;
  while (Date.now() < deadline) {
    await sleep(250);
    const now = cpuTicks(pid);
    // At 100 ticks/s, two ticks in 250 ms is under a tenth of a core.
    quiet = now - last <= 2 ? quiet + 1 : 0;
    last = now;
    if (quiet >= 2) return;
  }
  throw new Error(`process ${pid} was still busy after ${timeoutMs / 1000} s`);
}

/** A value from /proc/PID/status in bytes, e.g. VmHWM (peak resident set size) or VmRSS. */
export function procStatusBytes(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  if (!match) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(match[1]) * 1024;
}
