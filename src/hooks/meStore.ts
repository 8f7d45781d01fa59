/**
 * Who the caller is, shared by every page: tab pages stay alive side by side, so joining on the home
 * tab must show on 我的 and bring up the 管理 tab without each page fetching again. Operations run one
 * after another, so a slow `me` can never overwrite the answer of a join that finished later.
 */
import * as member from '@/services/member'
import type { JoinOutcome, MeResult } from '@/services/member'
import { toServiceError, type ServiceError } from '@/services/service-error'
import { cloudID } from '@/services/transport'
import { ensurePersona } from '@/services/session'

export interface MeState {
  /** True until the first answer, and while a refresh or a join is running. */
  loading: boolean
  /** The last failure; kept next to stale data when a refresh fails. */
  error: ServiceError | null
  data: MeResult | null
  /** Why entering from a group card did not join (shown on the home page). */
  groupError: ServiceError | null
  /** True while joining from a group card. */
  joiningGroup: boolean
}

const INITIAL: MeState = { loading: true, error: null, data: null, groupError: null, joiningGroup: false }

let state: MeState = INITIAL
let started = false
let queue: Promise<void> = Promise.resolve()
let pending = 0
let generation = 0
const listeners = new Set<() => void>()

function set(patch: Partial<MeState>): void {
  state = { ...state, ...patch }
  listeners.forEach((listener) => listener())
}

/**
 * Run `task` after whatever is running. `loading` stays true until the queue is empty, and a task's
 * answer is dropped when the store was reset meanwhile (another identity).
 */
function enqueue(task: (isCurrent: () => boolean) => Promise<void>): Promise<void> {
  const mine = generation
  const isCurrent = () => mine === generation
  pending += 1
  if (!state.loading) set({ loading: true })
  const next = queue
    .then(() => task(isCurrent))
    .finally(() => {
      if (!isCurrent()) return
      pending -= 1
      if (pending === 0) set({ loading: false })
    })
  queue = next.catch(() => undefined)
  return next
}

/** A join's answer as the new `me`: joined, or still outside with the gate (审核中 / 入群答题) to show. */
function fromJoin(result: JoinOutcome): MeResult {
  if (member.isGatedJoin(result)) return { community: null, member: null, pendingJoin: result.gate }
  return { community: result.community, member: result.member }
}

export const meStore = {
  get(): MeState {
    return state
  },

  subscribe(listener: () => void): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },

  /** Load once, the first time any page asks. */
  ensure(): void {
    if (started) return
    started = true
    void meStore.refresh()
  },

  refresh(): Promise<void> {
    started = true
    if (!ensurePersona()) return Promise.resolve()
    return enqueue(async (isCurrent) => {
      try {
        const data = await member.me()
        if (isCurrent()) set({ data, error: null })
      } catch (err) {
        if (isCurrent()) set({ error: toServiceError(err) })
      }
    })
  },

  /** A join finished elsewhere (the invite form): its answer is the new `me`. */
  joined(result: JoinOutcome): void {
    started = true
    set({ data: fromJoin(result), error: null, groupError: null, loading: pending > 0 })
  },

  /** An action answered with the new `me` (profile saved, community switched). */
  replaced(data: MeResult): void {
    started = true
    set({ data, error: null })
  },

  /**
   * Opened from a group's share card: join that group's community. On failure (group not bound,
   * card expired) the caller stays who they were and the home page says why.
   */
  enterFromGroup(groupCloudId: string, viaActivity?: string): Promise<void> {
    started = true
    set({ joiningGroup: true, groupError: null })
    return enqueue(async (isCurrent) => {
      try {
        const result = await member.joinByGroup({ groupShare: cloudID(groupCloudId), viaActivity })
        if (isCurrent()) set({ data: fromJoin(result), error: null, joiningGroup: false })
      } catch (err) {
        if (!isCurrent()) return
        set({ groupError: toServiceError(err), joiningGroup: false })
        try {
          const data = await member.me()
          if (isCurrent()) set({ data, error: null })
        } catch (meErr) {
          if (isCurrent()) set({ error: toServiceError(meErr) })
        }
      }
    })
  },

  /** Forget everything (another identity on H5, and between tests). */
  reset(): void {
    generation += 1
    started = false
    pending = 0
    queue = Promise.resolve()
    state = INITIAL
    listeners.forEach((listener) => listener())
  },
}
