/**
 * The environment the cloud gives a function instance, which wx-server-sdk reads when it initialises.
 * Every place that points the SDK at the local cloud (function instances, the seed, tests, bench,
 * verify:ledger) takes it from here, so none of them misses a variable the SDK complains about.
 */

/** The cloud always sets the region; without it the SDK logs `missing TENCENTCLOUD_REGION` per request. */
export const LOCAL_REGION = 'ap-shanghai'

/** Variables for an SDK that reaches the CloudBase API at `adminUrl` (may carry a query string). */
export function sdkEnvironment(adminUrl: string, envId: string): Record<string, string> {
  return {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: adminUrl }),
    TCB_ENV: envId,
    SCF_NAMESPACE: envId,
    TENCENTCLOUD: 'true',
    TENCENTCLOUD_REGION: LOCAL_REGION,
    TENCENTCLOUD_SECRETID: 'local-secret-id',
    TENCENTCLOUD_SECRETKEY: 'local-secret-key',
  }
}

/** Point this process's SDK at a local cloud; call before `require('wx-server-sdk').init`. */
export function pointSdkAt(adminUrl: string, envId: string): void {
  Object.assign(process.env, sdkEnvironment(adminUrl, envId))
}
