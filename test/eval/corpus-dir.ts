import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The shared readability-pages corpus: KORSO_CORPUS_DIR when set, else shared/ beside the clone
 * (../shared, the layout of the main clone and CI) or beside the folder of clones (../../shared).
 */
export function corpusDirFor(repoRoot: string): string {
  const fromEnv = process.env.KORSO_CORPUS_DIR;
  if (fromEnv) return path.resolve(fromEnv);
  const candidates = ['../shared', '../../shared'].map((up) =>
    path.resolve(repoRoot, up, 'corpus/readability-pages'),
  );
  return candidates.find((dir) => existsSync(dir)) ?? (candidates[0] as string);
}
