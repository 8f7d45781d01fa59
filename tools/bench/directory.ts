/**
 * Member search figures (issue 11): directory.search latency and database requests for a middle
 * part of a nickname in a community of 1,000 members and one of 100,000, and the ratio. The search
 * is served by the multikey index (communityId, nameGrams): it reads the members holding every gram
 * of the query, so its cost follows the matches, not the community. Nicknames are four characters
 * drawn from 200 common ones (a middle part names a handful of people at either size). Run alone:
 * `npm run bench -- directory`.
 */
import { nameGrams } from '../../cloudfunctions/core/nickname'
import { addCommunity, addMember } from '../../test/support/fixtures'
import { databaseOf, sdkFor, type RunningCloud, type SdkDatabase } from '../../test/support/local-cloud'
import { measureCalls } from './measure'
import { bulkAdd, syntheticMember } from './synthetic'
import type { BenchRow } from './table'

const BULK = 1000
const IN_FLIGHT = 4
const CALLS = 50
const CHARS =
  '林晓周宁陈一帆小雨阿哲王李张刘杨黄赵吴孙朱胡郭何高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤明华国建文平志伟东海强晓光林玉兰英秀丽敏静燕红霞芳娟桂芬云飞鹏涛浩宇轩子涵思诗梦琪欣怡佳乐安然星河月清风'

/** A deterministic four-character nickname for member `i`. */
function nickname(i: number): string {
  let x = Math.imul(i + 7, 2654435761) >>> 0
  let out = ''
  for (let k = 0; k < 4; k++) {
    out += CHARS[x % CHARS.length]
    x = Math.imul(x ^ (x >>> 13), 1597334677) >>> 0
  }
  return out
}

async function insertCommunity(db: SdkDatabase, communityId: string, members: number): Promise<BenchRow> {
  await addCommunity(db, communityId, {
    name: '搜索压测',
    inviteCode: `DIRB${String(members).length}`,
    memberCount: members,
  })
  const t = performance.now()
  await bulkAdd(
    db,
    'members',
    members,
    (i) => {
      const name = nickname(i)
      return syntheticMember(communityId, i, new Date('2026-01-01T00:00:00Z'), {
        nickname: name,
        nameGrams: nameGrams(name),
      })
    },
    { perRequest: BULK, inFlight: IN_FLIGHT },
  )
  const insertMs = performance.now() - t
  await addMember(db, communityId, `${communityId}-admin`, { role: 'admin', nickname: '压测管理员' })
  return {
    bench: `members inserted @ ${members.toLocaleString('en')}`,
    value: `${Math.round(insertMs)} ms`,
    detail: `with nameGrams, bulk add of ${BULK}, ${IN_FLIGHT} in flight`,
  }
}

async function benchSize(
  cloud: RunningCloud,
  communityId: string,
  members: number,
): Promise<{ rows: BenchRow[]; meanMs: number; requests: number }> {
  const admin = `${communityId}-admin`
  // Middle parts (characters 2–3) of members spread over the community.
  const queries = Array.from({ length: 10 }, (_, k) =>
    nickname(Math.floor((members / 10) * k + 3)).slice(1, 3),
  )
  const search = async (q: number) => {
    const res = await cloud.call<{ ok: boolean; data?: { members: { nickname: string }[] } }>(
      'directory',
      { action: 'search', query: queries[q % queries.length], _community: communityId },
      admin,
    )
    if (!res.ok || !res.data?.members.some((m) => m.nickname.includes(queries[q % queries.length])))
      throw new Error(`search failed: ${JSON.stringify(res).slice(0, 300)}`)
  }
  for (let i = 0; i < 5; i++) await search(i)
  let n = 0
  const rows = await measureCalls(
    cloud,
    `directory.search @ ${members.toLocaleString('en')}`,
    CALLS,
    () => search(n++),
    {
      latency: `${CALLS} sequential searches by a middle part of a nickname`,
      requests: 'per call, incl. membership',
      goal: { requests: '≤ 3' },
    },
  )
  return {
    rows,
    meanMs: parseFloat(rows[0].value),
    requests: parseFloat(rows[2].value),
  }
}

export async function benchDirectory(cloud: RunningCloud): Promise<BenchRow[]> {
  const db = databaseOf(sdkFor(cloud))
  // Both communities live in the one database before either is measured, as in production: the
  // comparison is then about the community's size, not about how big the local cloud's heap is.
  const inserted = [
    await insertCommunity(db, 'bench-dir-1k', 1_000),
    await insertCommunity(db, 'bench-dir-100k', 100_000),
  ]
  const small = await benchSize(cloud, 'bench-dir-1k', 1_000)
  const large = await benchSize(cloud, 'bench-dir-100k', 100_000)
  return [
    ...inserted,
    ...small.rows,
    ...large.rows,
    {
      bench: 'directory.search 100k / 1k',
      value: `${(large.meanMs / small.meanMs).toFixed(2)}× time`,
      detail: `goal ≤ 1.5×; requests ${small.requests} → ${large.requests}`,
    },
  ]
}
