import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

/** The built CLI (npm test builds first), run as a real process. */
export const CLI = path.resolve(import.meta.dirname, '../../dist/src/cli.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function spawnKorso(
  args: string[],
  env: Record<string, string> = {},
): ChildProcess & { result: Promise<CliResult>; output(): { stdout: string; stderr: string } } {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { PATH: process.env.PATH ?? '', KORSO_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const result = new Promise<CliResult>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return Object.assign(child, { result, output: () => ({ stdout, stderr }) });
}

export function runKorso(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return spawnKorso(args, env).result;
}
