import * as cloud from 'wx-server-sdk'

let initialised = false

/** The SDK, initialised once per instance for the environment the function runs in. */
export function getCloud(): typeof cloud {
  if (!initialised) {
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
    initialised = true
  }
  return cloud
}

export type Database = ReturnType<typeof cloud.database>

export function getDb(): Database {
  return getCloud().database()
}
