/**
 * Start the local cloud: `npm run local` (after `npm run build:functions` and `npm run build:h5`).
 * Environment: PORT (8787), LOCAL_CLOUD_DATA (.data), LOCAL_CLOUD_ENV (qunhuo-local),
 * LOCAL_CLOUD_TIMERS (1: fire cron triggers), LOCAL_CLOUD_SEED (1: seed demo data on first start).
 */
import path from 'node:path'
import { startLocalCloud, REPO_ROOT } from './server'
import { seedDemoIfEmpty } from './seed'
import { stopWithParent } from './parent-watch'

async function main(): Promise<void> {
  const envId = process.env.LOCAL_CLOUD_ENV || 'qunhuo-local'
  const cloud = await startLocalCloud({
    port: Number(process.env.PORT ?? 8787),
    dataDir: path.resolve(process.env.LOCAL_CLOUD_DATA || path.join(REPO_ROOT, '.data')),
    envId,
    functionsDir: path.resolve(process.env.LOCAL_CLOUD_FUNCTIONS || path.join(REPO_ROOT, 'dist/functions')),
    h5Dir: path.resolve(process.env.LOCAL_CLOUD_H5 || path.join(REPO_ROOT, 'dist/h5')),
    timers: process.env.LOCAL_CLOUD_TIMERS !== '0',
  })
  if (process.env.LOCAL_CLOUD_SEED !== '0') {
    const seeded = await seedDemoIfEmpty(cloud)
    if (seeded) console.log(`demo data: ${seeded}`)
  }
  // Tests read this line to learn the port.
  console.log(`LOCAL_CLOUD_READY ${cloud.url} env=${envId}`)
  console.log(`群活 is running: open ${cloud.url}/ in a browser`)
  let stopping = false
  const stop = (): void => {
    if (stopping) return
    stopping = true
    cloud.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  // A TERM to `npm run local` reaches npm, not us: stop when the command that started us is gone.
  stopWithParent(stop)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
