import fs from 'node:fs'
import path from 'node:path'
import { COLLECTIONS, securityRules } from '../../cloudfunctions/core/schema'

/** Every collection name the functions pass to `.collection('…')`. */
function collectionsUsedByFunctions(): Set<string> {
  const root = path.join(__dirname, '..', '..', 'cloudfunctions')
  const used = new Set<string>()
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.name.endsWith('.ts'))
        for (const m of fs.readFileSync(full, 'utf8').matchAll(/\.collection\(\s*'([a-z0-9_]+)'\s*\)/g))
          used.add(m[1])
    }
  }
  walk(root)
  return used
}

describe('database security rules (core/schema.ts)', () => {
  it('gives every collection in the schema a rule, and no rule lets a client read or write', () => {
    for (const c of COLLECTIONS) {
      expect(c.rule).toBeDefined()
      // Exactly the closed rule, as the console takes it: nothing else may sneak in (e.g. "auth != null").
      expect(JSON.stringify(c.rule)).toBe('{"read":false,"write":false}')
    }
    const rules = securityRules()
    expect(Object.keys(rules).sort()).toEqual(COLLECTIONS.map((c) => c.name).sort())
    expect(Object.values(rules).every((r) => r.read === false && r.write === false)).toBe(true)
  })

  it('lists every collection the functions use, so none is left without a rule', () => {
    const known = new Set(COLLECTIONS.map((c) => c.name))
    const missing = [...collectionsUsedByFunctions()].filter((name) => !known.has(name))
    expect(missing).toEqual([])
    expect(collectionsUsedByFunctions().size).toBeGreaterThan(20)
  })
})
