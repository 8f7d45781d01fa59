/** What every latency bench measures: time per call and database requests per call. */
import type { RunningCloud } from '../../test/support/local-cloud'
import { percentile, type BenchRow } from './table'

/** Requests to /admin with a database action so far (GET /_local/stats). */
export async function databaseRequests(cloud: RunningCloud): Promise<number> {
  const res = await fetch(`${cloud.url}/_local/stats`)
  const { adminRequests } = (await res.json()) as { adminRequests: Record<string, number> }
  return Object.entries(adminRequests)
    .filter(([action]) => action.startsWith('database.'))
    .reduce((sum, [, n]) => sum + n, 0)
}

/**
 * Run `call(i)` `calls` times one after another and report the mean, p50/p95 latency and the
 * database requests per call, as three table rows named after `name`.
 */
export async function measureCalls(
  cloud: RunningCloud,
  name: string,
  calls: number,
  call: (i: number) => Promise<void>,
  details: { latency: string; requests?: string; goal?: { requests: string } },
): Promise<BenchRow[]> {
  const before = await databaseRequests(cloud)
  const times: number[] = []
  for (let i = 0; i < calls; i++) {
    const t = performance.now()
    await call(i)
    times.push(performance.now() - t)
  }
  const perCall = ((await databaseRequests(cloud)) - before) / calls
  times.sort((a, b) => a - b)
  const mean = times.reduce((a, b) => a + b, 0) / calls
  return [
    { bench: `${name} latency (mean)`, value: `${mean.toFixed(1)} ms`, detail: details.latency },
    {
      bench: `${name} latency (p50 / p95)`,
      value: `${percentile(times, 50).toFixed(1)} / ${percentile(times, 95).toFixed(1)} ms`,
    },
    {
      bench: `${name} database requests`,
      value: perCall.toFixed(2),
      goal: details.goal?.requests,
      detail: details.requests ?? 'per call',
    },
  ]
}
