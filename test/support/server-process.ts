import { type CliResult, runKorso, spawnKorso } from './cli.js';

/** `korso serve` as a real child process of the built CLI, on 127.0.0.1 and a free port. */
export interface ServerProcess {
  url: string;
  stop(): Promise<CliResult>;
}

export async function migrateDatabase(env: Record<string, string>): Promise<void> {
  const result = await runKorso(['migrate'], env);
  if (result.code !== 0) throw new Error(`korso migrate failed: ${result.stderr}`);
}

export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawnKorso(['serve', '--no-scheduler', '--port', '0'], { HOST: '127.0.0.1', ...env });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const onData = (d: Buffer) => {
      seen += d.toString();
      const match = /korso serves (http:\/\/\S+)/.exec(seen);
      if (match?.[1]) {
        child.stdout?.off('data', onData);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    void child.result.then((r) => reject(new Error(`korso serve exited (${r.code}): ${r.stderr}`)));
  });
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return child.result;
    },
  };
}
