/** Print benchmark rows as an aligned text table, with the goal (issue 10) beside a figure that has one. */
export interface BenchRow {
  bench: string
  value: string
  /** What the figure should be, e.g. '≤ 6' requests or 'p95 ≤ 1.5 s'. */
  goal?: string
  detail?: string
}

export function printTable(rows: BenchRow[]): void {
  const widths = [
    Math.max(5, ...rows.map((r) => r.bench.length)),
    Math.max(5, ...rows.map((r) => r.value.length)),
    Math.max(4, ...rows.map((r) => (r.goal ?? '').length)),
  ]
  const line = (a: string, b: string, g: string, c: string) =>
    `| ${a.padEnd(widths[0])} | ${b.padStart(widths[1])} | ${g.padEnd(widths[2])} | ${c}`
  console.log(line('bench', 'value', 'goal', 'detail'))
  console.log(
    `|${'-'.repeat(widths[0] + 2)}|${'-'.repeat(widths[1] + 2)}|${'-'.repeat(widths[2] + 2)}|${'-'.repeat(8)}`,
  )
  for (const r of rows) console.log(line(r.bench, r.value, r.goal ?? '', r.detail ?? ''))
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}
