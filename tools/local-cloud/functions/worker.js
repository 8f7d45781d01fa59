// One function instance, in its own process as in the cloud: it handles one invocation at a time.
// The runner sends {type:'invoke'} with the caller's identity, which the SDK's getWXContext() reads
// from process.env, and the local clock's offset, which every Date in this process follows.
'use strict'

const RealDate = Date
let clockOffsetMs = 0

class LocalDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + clockOffsetMs)
    else super(...args)
  }

  static now() {
    return RealDate.now() + clockOffsetMs
  }
}
globalThis.Date = LocalDate

// Keys that describe one invocation; cleared before the next so no identity leaks across calls.
const INVOCATION_KEYS = [
  'WX_CONTEXT_KEYS',
  'WX_OPENID',
  'WX_APPID',
  'WX_UNIONID',
  'WX_SOURCE',
  'TCB_SOURCE',
  'TRIGGER_SRC',
]

const entry = process.env.LOCAL_FUNCTION_ENTRY
const loaded = require(entry)

function toPlain(value) {
  return value === undefined ? null : JSON.parse(JSON.stringify(value))
}

process.on('message', async (msg) => {
  if (!msg || msg.type !== 'invoke') return
  clockOffsetMs = msg.clockOffsetMs
  for (const key of INVOCATION_KEYS) delete process.env[key]
  Object.assign(process.env, msg.env)
  try {
    // The event arrives as JSON text, parsed here as the platform's runtime does.
    const value = await loaded.main(JSON.parse(msg.eventJson), msg.context)
    process.send({ type: 'result', id: msg.id, ok: true, value: toPlain(value) })
  } catch (err) {
    process.send({
      type: 'result',
      id: msg.id,
      ok: false,
      error: { message: String(err && err.message), stack: err && err.stack },
    })
  }
})

process.send({ type: 'ready' })
