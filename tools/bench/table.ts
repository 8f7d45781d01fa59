/** Print benchmark rows as an aligned text table. */
export interface BenchRow {
  bench: string
  value: string
  detail?: string
}

export function printTable(rows: BenchRow[]): void {
  const widths = [
    Math.max(5, ...rows.map((r) => r.bench.length)),
    Math.max(5, ...rows.map((r) => r.value.length)),
  ]
  const line = (a: string, b: string, c: string) =>
    `| ${a.padEnd(widths[0])} | ${b.padStart(widths[1])} | ${c}`
  console.log(line('bench', 'value', 'detail'))
  console.log(`|${'-'.repeat(widths[0] + 2)}|${'-'.repeat(widths[1] + 2)}|${'-'.repeat(8)}`)
  for (const r of rows) console.log(line(r.bench, r.value, r.detail ?? ''))
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}
