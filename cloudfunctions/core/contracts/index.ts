/**
 * Every cloud function's contract in one map: for each action, the zod schema its input is checked
 * against and the type of the data it answers. The client's typed `call(fn, action, input)` and the
 * page tests' gateway stub infer from this map, so an action's shape is written once, in its
 * function's contract file. Types only: nothing here reaches a bundle.
 */
import type { z } from 'zod'
import type { activitiesInputs, ActivitiesOutputs } from './activities'
import type { checkinInputs, CheckinOutputs } from './checkin'
import type { communityInputs, CommunityOutputs } from './community'
import type { groupsInputs, GroupsOutputs } from './groups'
import type { directoryInputs, DirectoryOutputs } from './directory'
import type { mallInputs, MallOutputs } from './mall'
import type { memberInputs, MemberOutputs } from './member'
import type { moderationInputs, ModerationOutputs } from './moderation'
import type { pointsInputs, PointsOutputs } from './points'
import type { rankInputs, RankOutputs } from './rank'
import type { sanctionsInputs, SanctionsOutputs } from './sanctions'
import type { scoreInputs, ScoreOutputs } from './score'
import type { setupInputs, SetupOutputs } from './setup'
import type { signupsInputs, SignupsOutputs } from './signups'
import type { sopInputs, SopOutputs } from './sop'
import type { surveyInputs, SurveyOutputs } from './survey'
import type { squareInputs, SquareOutputs } from './square'
import type { dashboardInputs, DashboardOutputs } from './dashboard'

/** One function's contract; its outputs must name exactly the actions its inputs name. */
interface Contract<
  Inputs extends Record<string, z.ZodTypeAny>,
  Outputs extends { [A in keyof Inputs]: unknown } & { [A in Exclude<keyof Outputs, keyof Inputs>]: never },
> {
  inputs: Inputs
  outputs: Outputs
}

export interface Contracts {
  activities: Contract<typeof activitiesInputs, ActivitiesOutputs>
  checkin: Contract<typeof checkinInputs, CheckinOutputs>
  community: Contract<typeof communityInputs, CommunityOutputs>
  groups: Contract<typeof groupsInputs, GroupsOutputs>
  directory: Contract<typeof directoryInputs, DirectoryOutputs>
  mall: Contract<typeof mallInputs, MallOutputs>
  member: Contract<typeof memberInputs, MemberOutputs>
  moderation: Contract<typeof moderationInputs, ModerationOutputs>
  points: Contract<typeof pointsInputs, PointsOutputs>
  rank: Contract<typeof rankInputs, RankOutputs>
  sanctions: Contract<typeof sanctionsInputs, SanctionsOutputs>
  score: Contract<typeof scoreInputs, ScoreOutputs>
  setup: Contract<typeof setupInputs, SetupOutputs>
  signups: Contract<typeof signupsInputs, SignupsOutputs>
  sop: Contract<typeof sopInputs, SopOutputs>
  survey: Contract<typeof surveyInputs, SurveyOutputs>
  square: Contract<typeof squareInputs, SquareOutputs>
  dashboard: Contract<typeof dashboardInputs, DashboardOutputs>
}

export type FunctionName = keyof Contracts
export type ActionName<F extends FunctionName> = keyof Contracts[F]['inputs'] & string
/** What the client sends for `fn.action`: the schema's input side (before defaults and trims). */
export type ActionInput<
  F extends FunctionName,
  A extends ActionName<F>,
> = Contracts[F]['inputs'][A] extends z.ZodTypeAny ? z.input<Contracts[F]['inputs'][A]> : never
/** The data a successful `fn.action` answers. */
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = Contracts[F]['outputs'][A &
  keyof Contracts[F]['outputs']]
