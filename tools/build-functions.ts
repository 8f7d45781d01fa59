/**
 * Bundle each cloud function (cloudfunctions/<name>/index.ts) with esbuild into a deployable folder
 * dist/functions/<name>/ holding index.js, config.json and a package.json that pins wx-server-sdk,
 * which stays external: the cloud installs it, as WeChat devtools' "云端安装依赖" does.
 */
import { build } from 'esbuild'
import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..')
const SOURCE = path.join(ROOT, 'cloudfunctions')
const OUT = path.join(ROOT, 'dist/functions')
/** Shared code, bundled into each function rather than deployed on its own. */
const NOT_FUNCTIONS = new Set(['core', 'runtime'])
const SDK_VERSION = (
  JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>
  }
).devDependencies['wx-server-sdk']

export function functionNames(source = SOURCE): string[] {
  return fs
    .readdirSync(source, { withFileTypes: true })
    .filter(
      (d) =>
        d.isDirectory() && !NOT_FUNCTIONS.has(d.name) && fs.existsSync(path.join(source, d.name, 'index.ts')),
    )
    .map((d) => d.name)
    .sort()
}

/** Build every function under `source` (tests build their fixture functions the same way). */
export async function buildFunctions(source = SOURCE, out = OUT): Promise<{ name: string; bytes: number }[]> {
  const built: { name: string; bytes: number }[] = []
  for (const name of functionNames(source)) {
    const outDir = path.join(out, name)
    fs.rmSync(outDir, { recursive: true, force: true })
    fs.mkdirSync(outDir, { recursive: true })
    await build({
      entryPoints: [path.join(source, name, 'index.ts')],
      outfile: path.join(outDir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      external: ['wx-server-sdk'],
      minifySyntax: true,
      sourcemap: false,
      legalComments: 'none',
      logLevel: 'warning',
    })
    const configFile = path.join(source, name, 'config.json')
    fs.copyFileSync(configFile, path.join(outDir, 'config.json'))
    fs.writeFileSync(
      path.join(outDir, 'package.json'),
      JSON.stringify(
        { name, version: '1.0.0', main: 'index.js', dependencies: { 'wx-server-sdk': SDK_VERSION } },
        null,
        2,
      ) + '\n',
    )
    built.push({ name, bytes: fs.statSync(path.join(outDir, 'index.js')).size })
  }
  return built
}

if (require.main === module) {
  const started = Date.now()
  buildFunctions().then(
    (built) => {
      for (const b of built) console.log(`  ${b.name.padEnd(16)} ${(b.bytes / 1024).toFixed(1)} KB`)
      console.log(`built ${built.length} cloud function(s) into dist/functions in ${Date.now() - started} ms`)
    },
    (err) => {
      console.error(err)
      process.exit(1)
    },
  )
}
