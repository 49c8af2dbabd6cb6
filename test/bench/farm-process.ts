import { loopbackHosts, startBlogFarm } from '../support/blog-farm.js';

// Runs the blog farm in its own process so the benchmark measures the crawler's CPU and memory alone.
const hosts = Number(process.env.FARM_HOSTS ?? 50);
const latencyMs = Number(process.env.FARM_LATENCY_MS ?? 50);
const farm = await startBlogFarm({ hosts: loopbackHosts(hosts), latencyMs });
process.send?.({ type: 'ready', port: farm.port, callUrl: farm.callUrl, hosts: farm.hosts });
process.on('message', async (message: { type: string }) => {
  if (message.type !== 'stop') return;
  const perHost: Record<string, number> = {};
  for (const [key, n] of farm.hits) {
    const host = key.split(':')[0] ?? key;
    perHost[host] = (perHost[host] ?? 0) + n;
  }
  process.send?.({ type: 'hits', entryHits: farm.entryHits(), perHost }, () => {
    void farm.close().then(() => process.exit(0));
  });
});
