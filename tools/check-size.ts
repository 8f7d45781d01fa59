/**
 * The weapp package budget: the main package (everything outside subpackage roots) must stay under
 * 600 KB, each subpackage under WeChat's 2 MB. Exits non-zero when over.
 */
import fs from 'node:fs'
import path from 'node:path'

export const MAIN_PACKAGE_BUDGET_KB = 600
const SUBPACKAGE_LIMIT_KB = 2048
const ROOT = path.resolve(__dirname, '..')

function dirBytes(dir: string, skip: Set<string> = new Set()): number {
  let total = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (skip.has(full)) continue
    total += entry.isDirectory() ? dirBytes(full, skip) : fs.statSync(full).size
  }
  return total
}

export function weappSizes(distDir = path.join(ROOT, 'dist/weapp')) {
  const app = JSON.parse(fs.readFileSync(path.join(distDir, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[]
    subpackages?: { root: string }[]
  }
  const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => path.join(distDir, p.root))
  const mainKb = dirBytes(distDir, new Set(roots)) / 1024
  const subpackages = roots.map((r) => ({ root: path.relative(distDir, r), kb: dirBytes(r) / 1024 }))
  return { mainKb, subpackages }
}

if (require.main === module) {
  const { mainKb, subpackages } = weappSizes()
  const rows = [
    { part: 'main package', kb: mainKb, limit: MAIN_PACKAGE_BUDGET_KB },
    ...subpackages.map((s) => ({ part: `subpackage ${s.root}`, kb: s.kb, limit: SUBPACKAGE_LIMIT_KB })),
  ]
  for (const r of rows) console.log(`${r.part.padEnd(32)} ${r.kb.toFixed(1).padStart(8)} KB / ${r.limit} KB`)
  const over = rows.filter((r) => r.kb > r.limit)
  if (over.length) {
    console.error(`over budget: ${over.map((r) => r.part).join(', ')}`)
    process.exit(1)
  }
}
