/** uCharts (@qiun/ucharts) ships no types: the constructor draws the chart `opts` describes on `opts.context`. */
declare module '@qiun/ucharts' {
  export default class uCharts {
    constructor(
      opts: Record<string, unknown> & { type: string; context: unknown; width: number; height: number },
    )
    updateData(data: Record<string, unknown>): void
  }
}
