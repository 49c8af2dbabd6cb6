import type { ServiceStats } from '../store/stats-repository.js';

const STATUSES = ['pending', 'live', 'unverified', 'failing', 'gone', 'rejected'];

function labelled(name: string, help: string, label: string, values: Record<string, number>): string[] {
  return [
    `# HELP ${name} ${help}`,
    `# TYPE ${name} gauge`,
    ...Object.entries(values).map(([key, n]) => `${name}{${label}="${key.replace(/["\\\n]/g, '_')}"} ${n}`),
  ];
}

function single(name: string, help: string, value: number): string[] {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, `${name} ${value}`];
}

/** Prometheus text exposition format 0.0.4. */
export function renderMetrics(stats: ServiceStats): string {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, stats.entriesByStatus[s] ?? 0]));
  return `${[
    ...single('korso_parades', 'Blog parades registered.', stats.parades),
    ...labelled('korso_entries', 'Entries by status.', 'status', byStatus),
    ...labelled(
      'korso_entry_roads',
      'Entries by the road they were found by (an entry may have several).',
      'road',
      stats.entriesByRoad,
    ),
    ...single('korso_entries_due', 'Entries due for a fetch or re-check now.', stats.dueEntries),
    ...single(
      'korso_discovery_sources',
      'Discovery sources (call pages, participant blogs).',
      stats.sourcesTotal,
    ),
    ...single(
      'korso_discovery_sources_failing',
      'Discovery sources whose last run failed.',
      stats.sourcesFailing,
    ),
    ...labelled('korso_mentions', 'Received Webmentions and pingbacks.', 'kind', stats.mentionsByKind),
  ].join('\n')}\n`;
}
