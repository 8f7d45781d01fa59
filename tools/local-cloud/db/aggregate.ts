/**
 * Aggregation pipelines, run by mingo. A leading `$match` goes through the query planner so it can
 * use indexes; `$lookup` reads other collections of the same env. Like the real service, a pipeline
 * without any `$limit` returns at most 20 documents.
 */
import 'mingo/init/system'
import { Aggregator, ProcessingMode } from 'mingo'
import { clone, isPlainObject, type Doc } from './codec'
import { DbError, requestFailed } from './errors'
import { MINGO_OPTIONS } from './mongo-ops'
import { matching } from './query'
import type { Collection, EnvDatabase } from './store'

export const AGGREGATE_DEFAULT_LIMIT = 20

export function aggregate(env: EnvDatabase, coll: Collection, pipeline: Doc[]): Doc[] {
  for (const stage of pipeline) {
    if (!isPlainObject(stage) || Object.keys(stage).length !== 1) {
      throw requestFailed('A pipeline stage specification object must contain exactly one field.')
    }
  }
  let stages = pipeline
  let source: Iterable<Doc> = coll.docs.values()
  if (stages.length && '$match' in stages[0]) {
    source = matching(coll, stages[0].$match as Doc)
    stages = stages.slice(1)
  }
  if (!pipeline.some((stage) => '$limit' in stage)) stages = [...stages, { $limit: AGGREGATE_DEFAULT_LIMIT }]
  try {
    const aggregator = new Aggregator(stages, {
      ...MINGO_OPTIONS,
      // Stages like $addFields and $unwind would otherwise write into stored documents.
      processingMode: ProcessingMode.CLONE_INPUT,
      collectionResolver: (name: string) => Array.from(env.collection(name)?.docs.values() ?? [], clone),
    })
    return aggregator.run(Array.from(source)) as Doc[]
  } catch (err) {
    if (err instanceof DbError) throw err
    throw requestFailed((err as Error).message)
  }
}
