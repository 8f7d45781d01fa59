// Placeholder: the function runner is being written.
import type { LocalClock } from '../clock'
import type { CallerContext, OpenApiStandIn } from '../openapi'
export interface FunctionRunnerOptions {
  functionsDir: string
  envId: string
  clock: LocalClock
  adminUrl: () => string
  maxInstances: number
  openapi: OpenApiStandIn
}
export class FunctionRunner {
  constructor(readonly options: FunctionRunnerOptions) {}
  contextOf(_instance: string | null): CallerContext | null {
    return null
  }
  async invokeFromSdk(_params: Record<string, unknown>, _instance: string | null): Promise<unknown> {
    return { code: 'NOT_IMPLEMENTED' }
  }
  async invokeFromGateway(_name: string, _body: string, _openid: string): Promise<{ status: number; body: unknown }> {
    return { status: 501, body: { code: 'NOT_IMPLEMENTED' } }
  }
  async close(): Promise<void> {}
}
