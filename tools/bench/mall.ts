/**
 * Mall figures for `npm run bench` (tools/bench/run.ts wires it):
 *   - mall.redeem latency and database requests per redemption (sequential, no contention);
 *   - a hot item: 200 parallel redemptions of a stock-10 item by members with various balances, on
 *     cold and then warm function instances: wall time, outcomes, database requests per call
 *     (conflict retries show here), and the check that stock and orders agree afterwards.
 * Works on any running local cloud: it adds its own community, members (balances through the ledger)
 * and items, so the cloud still verifies clean.
 */
import type { ActionResult } from '../../cloudfunctions/core/errors'
import type { ItemInput, ItemView, RedeemResult } from '../../cloudfunctions/core/contracts/mall'
import type { Database } from '../../cloudfunctions/runtime/cloud'
import { post } from '../../cloudfunctions/runtime/ledger'
import { addCommunity, addMember } from '../../test/support/fixtures'
import { databaseOf, now as clockNow, sdkFor, type RunningCloud } from '../../test/support/local-cloud'
import { databaseRequests, measureCalls } from './measure'
import { inParallel } from './synthetic'
import { percentile, type BenchRow } from './table'

/** Physical gifts need a delivery (core/delivery); a pickup is the lightest. */
const PICKUP = { method: 'pickup', place: '' }
const COMMUNITY = 'c-bench-mall'
const MEMBERS = 200
const BURST = 200
const HOT_STOCK = 10
const PRICE = 100
/** Balances by member index: some cannot pay, most can. */
const BALANCES = [0, 50, 100, 150, 250, 1000]

const openid = (i: number) => `bench-mall-${String(i).padStart(4, '0')}`
let seq = 0
const rid = (tag: string) => `bench-${tag}-${(seq++).toString(36).padStart(6, '0')}`

export async function benchMall(cloud: RunningCloud): Promise<BenchRow[]> {
  const db = databaseOf(sdkFor(cloud))
  const now = clockNow()
  await addCommunity(db, COMMUNITY, { name: '商城压测', inviteCode: 'MLBNCH', memberCount: MEMBERS + 1 })
  const admin = 'bench-mall-admin'
  const join = async (who: string, role: string, balance: number) => {
    await addMember(db, COMMUNITY, who, { role, joinedAt: now })
    if (balance)
      await post(db as unknown as Database, {
        communityId: COMMUNITY,
        openid: who,
        // The member's history brought in (an accepted source of verify:ledger).
        source: 'seed-earned',
        kind: 'earn',
        delta: balance,
        reason: '压测积分',
        now,
      })
  }
  await join(admin, 'admin', 0)
  await inParallel(MEMBERS, 25, (i) => join(openid(i), 'member', BALANCES[i % BALANCES.length] + 1000))

  const call = <T>(event: Record<string, unknown>, who: string) =>
    cloud.call<ActionResult<T>>('mall', { ...event, _community: COMMUNITY }, who)
  const item = async (over: Partial<ItemInput>): Promise<ItemView> => {
    const res = await call<ItemView>(
      {
        action: 'saveItem',
        requestId: rid('item'),
        item: {
          kind: 'physical',
          name: '压测商品',
          description: '',
          images: [],
          price: PRICE,
          stock: 100_000,
          limit: null,
          minLevel: 'newcomer',
          onShelf: true,
          ...over,
        },
      },
      admin,
    )
    if (!res.ok) throw new Error(`saveItem failed: ${JSON.stringify(res.error)}`)
    return res.data
  }

  // Sequential redemptions of a roomy item: each member once (all can pay: +1000 above).
  const roomy = await item({ name: '书签', price: 10 })
  for (let i = 0; i < 10; i++) await call({ action: 'items' }, openid(i))
  const sequential = await measureCalls(
    cloud,
    'mall.redeem',
    MEMBERS,
    async (i) => {
      const res = await call(
        { action: 'redeem', delivery: PICKUP, itemId: roomy.id, requestId: rid('seq') },
        openid(i),
      )
      if (!res.ok) throw new Error(`redeem failed: ${JSON.stringify(res)}`)
    },
    { latency: `${MEMBERS} sequential calls via the gateway`, goal: { requests: '≤ 6' } },
  )

  // The hot item: 200 parallel redemptions; balances now run from 990 (cannot pay) to 2240. Twice:
  // the first burst also starts the function's other instances (cold starts: the local runner loads
  // a new instance's code and SDK on first call), the second meets them warm, as a live item would.
  const hotBurst = async (name: string) => {
    const hot = await item({ name, price: 1000, stock: HOT_STOCK, limit: { count: 1, period: 'total' } })
    const before = await databaseRequests(cloud)
    const started = performance.now()
    const latencies: number[] = []
    const results = await Promise.all(
      Array.from({ length: BURST }, async (_, i) => {
        const t = performance.now()
        // Half the members tap twice: the limit of 1 must hold.
        const who = openid(i % (BURST / 2 + BURST / 4))
        const res = await call<RedeemResult>(
          { action: 'redeem', delivery: PICKUP, itemId: hot.id, requestId: rid('hot') },
          who,
        )
        latencies.push(performance.now() - t)
        return res
      }),
    )
    const burstMs = performance.now() - started
    const perCall = ((await databaseRequests(cloud)) - before) / BURST
    const outcomes: Record<string, number> = {}
    for (const res of results) {
      const key = res.ok ? 'ok' : res.error.code
      outcomes[key] = (outcomes[key] ?? 0) + 1
    }
    const stock = (
      (await db.collection('mall_items').where({ _id: hot.id }).get()) as unknown as {
        data: { stock: number }[]
      }
    ).data[0].stock
    const orders = (
      (await db.collection('mall_orders').where({ communityId: COMMUNITY, itemId: hot.id }).count()) as {
        total: number
      }
    ).total
    latencies.sort((a, b) => a - b)
    const agree = stock >= 0 && stock + orders === HOT_STOCK && orders === (outcomes.ok ?? 0)
    return { hot, burstMs, latencies, perCall, outcomes, stock, orders, agree }
  }
  const cold = await hotBurst('签名版新书')
  const warm = await hotBurst('签名版新书（第二批）')
  const { hot } = warm

  // Once the stock is gone: what one more SOLD_OUT answer costs.
  const soldOutCalls = 20
  const beforeSoldOut = await databaseRequests(cloud)
  for (let i = 0; i < soldOutCalls; i++) {
    const res = await call(
      { action: 'redeem', delivery: PICKUP, itemId: hot.id, requestId: rid('out') },
      openid(BURST / 2 + i),
    )
    if (res.ok || res.error.code !== 'SOLD_OUT')
      throw new Error(`expected SOLD_OUT, got ${JSON.stringify(res)}`)
  }
  const soldOutRequests = ((await databaseRequests(cloud)) - beforeSoldOut) / soldOutCalls

  return [
    ...sequential,
    ...[
      ['cold instances', cold],
      ['warm instances', warm],
    ].flatMap(([when, b]) => {
      const { burstMs, latencies, perCall, outcomes, stock, orders, agree } = b as typeof cold
      return [
        {
          bench: `hot item (${when}): ${BURST} parallel redeems, stock ${HOT_STOCK}`,
          value: `${burstMs.toFixed(0)} ms`,
          detail: Object.entries(outcomes)
            .map(([k, n]) => `${k} ${n}`)
            .join(', '),
        },
        {
          bench: `hot item (${when}) latency (p50 / p95 / max)`,
          goal: 'p95 ≤ 1500 ms',
          value: `${percentile(latencies, 50).toFixed(0)} / ${percentile(latencies, 95).toFixed(0)} / ${latencies[latencies.length - 1].toFixed(0)} ms`,
        },
        {
          bench: `hot item (${when}) database requests`,
          value: perCall.toFixed(2),
          detail: 'per call, retries included',
        },
        {
          bench: `hot item (${when}) invariants`,
          value: agree ? 'hold' : 'BROKEN',
          detail: `stock ${stock}, orders ${orders}, initial ${HOT_STOCK}`,
        },
      ]
    }),
    {
      bench: 'hot item requests per SOLD_OUT',
      value: soldOutRequests.toFixed(2),
      goal: '≤ 3',
      detail: 'a redemption of the sold-out item afterwards, sequential',
    },
  ]
}
