/**
 * The database description: every collection the product uses and its indexes. The local cloud
 * creates these on start; for production, create the same in the cloud console (docs/API.md).
 */
export interface IndexSpec {
  name: string
  keys: Record<string, 1 | -1>
  unique?: boolean
}

export interface CollectionSpec {
  name: string
  indexes: IndexSpec[]
}

export const COLLECTIONS: CollectionSpec[] = [
  {
    name: 'communities',
    indexes: [{ name: 'inviteCode_unique', keys: { inviteCode: 1 }, unique: true }],
  },
  {
    name: 'groups',
    indexes: [
      { name: 'openGId_unique', keys: { openGId: 1 }, unique: true },
      { name: 'communityId', keys: { communityId: 1 } },
    ],
  },
  {
    // _id is `${communityId}_${openid}` (core/community.memberId), so one membership per person.
    name: 'members',
    indexes: [
      { name: 'openid_joinedAt', keys: { openid: 1, joinedAt: -1 } },
      { name: 'communityId_role', keys: { communityId: 1, role: 1 } },
      // Staff search by nickname prefix (points grants and adjustments).
      { name: 'communityId_nickname', keys: { communityId: 1, nickname: 1 } },
      // Who has not acknowledged the current rules version (issue 3).
      { name: 'communityId_rulesAckVersion', keys: { communityId: 1, rulesAckVersion: 1 } },
      // Leaderboards (core/leaderboard.ts): equality on community, ranked and the period key, then the
      // value; the top 50 is the first rows, the member's own rank one range count.
      { name: 'rank_total', keys: { communityId: 1, ranked: 1, totalEarned: -1 } },
      { name: 'rank_week', keys: { communityId: 1, ranked: 1, weekKey: 1, weekEarned: -1 } },
      { name: 'rank_month', keys: { communityId: 1, ranked: 1, monthKey: 1, monthEarned: -1 } },
      // Last month after a member earned in the new one (the Top-3 job).
      { name: 'rank_prev_month', keys: { communityId: 1, ranked: 1, prevMonthKey: 1, prevMonthEarned: -1 } },
      { name: 'rank_streak', keys: { communityId: 1, ranked: 1, streakDay: 1, streak: -1 } },
      // Value-score lists (issue 4): members of a tier by score, and silent members by last activity.
      { name: 'community_tier_valueScore', keys: { communityId: 1, tier: 1, valueScore: -1 } },
      { name: 'community_silent_lastActiveAt', keys: { communityId: 1, silent: 1, lastActiveAt: 1 } },
      // Who joined by a member's invite: the count and the newest-first list on the invite page.
      { name: 'community_invitedBy_joinedAt', keys: { communityId: 1, invitedBy: 1, joinedAt: -1 } },
    ],
  },
  {
    // Append-only points ledger; _id is derived from the source so a source never pays twice.
    name: 'ledger',
    indexes: [{ name: 'community_openid_createdAt', keys: { communityId: 1, openid: 1, createdAt: -1 } }],
  },
  {
    // What a capped rule already paid a member today: `${communityId}:${openid}:${rule}:${dayKey}`.
    name: 'point_caps',
    indexes: [],
  },
  {
    // Level changes, the audit trail and the source of the member's celebration or explanation.
    name: 'level_changes',
    indexes: [{ name: 'community_openid_createdAt', keys: { communityId: 1, openid: 1, createdAt: -1 } }],
  },
  // ── Joining, onboarding and content safety (issue 3) ──
  {
    // _id is `${communityId}_${openid}`: one live join request per person per community.
    name: 'join_requests',
    indexes: [
      { name: 'community_status_createdAt', keys: { communityId: 1, status: 1, createdAt: -1 } },
      { name: 'openid_createdAt', keys: { openid: 1, createdAt: -1 } },
    ],
  },
  {
    // _id is `${communityId}_${openid}`: the last entry-quiz attempt (cool-down after a fail).
    name: 'quiz_attempts',
    indexes: [{ name: 'openid_createdAt', keys: { openid: 1, createdAt: -1 } }],
  },
  {
    // _id is the communityId: handbook, rules, join quiz and questionnaire.
    name: 'onboarding_settings',
    indexes: [],
  },
  {
    // _id is `${communityId}:v${version}`; ackCount is kept in the acknowledgement transaction.
    name: 'rules_versions',
    indexes: [{ name: 'community_version', keys: { communityId: 1, version: -1 } }],
  },
  {
    // _id is `${communityId}:v${version}:${openid}`: one acknowledgement per member per version.
    name: 'rules_acks',
    indexes: [{ name: 'community_version_ackedAt', keys: { communityId: 1, version: 1, ackedAt: -1 } }],
  },
  {
    // _id is `${communityId}_${openid}`: the new-member checklist's state.
    name: 'member_onboarding',
    indexes: [],
  },
  {
    // _id is `${communityId}_${openid}`: a member's self-introduction (status visible|held|rejected).
    name: 'intros',
    indexes: [{ name: 'community_status_createdAt', keys: { communityId: 1, status: 1, createdAt: -1 } }],
  },
  {
    // _id is the communityId: the community's own word list.
    name: 'word_lists',
    indexes: [],
  },
  {
    // _id is `${communityId}:${collection}:${docId}`: member text waiting for an admin.
    name: 'held_content',
    indexes: [{ name: 'community_status_createdAt', keys: { communityId: 1, status: 1, createdAt: -1 } }],
  },
  {
    // _id is the platform's trace_id: a member photo sent to security.mediaCheckAsync, the document
    // and photo it decides, and the verdict once the wxa_media_check push brings it (issue 9).
    name: 'media_checks',
    indexes: [],
  },
  // ── Check-ins (issue 3) ──
  {
    // _id is `${communityId}:${openid}:${dayKey}` (core/checkin.checkinId): the database itself keeps
    // one check-in per member per community per Asia/Shanghai day.
    name: 'checkins',
    indexes: [
      // The member's calendar: a month of their days.
      { name: 'community_openid_dayKey', keys: { communityId: 1, openid: 1, dayKey: 1 } },
      // The community feed: visible notes, newest first.
      { name: 'community_noteStatus_createdAt', keys: { communityId: 1, noteStatus: 1, createdAt: -1 } },
    ],
  },
  {
    // _id is `${communityId}:${openid}`: streak runs, longest, total, active challenges.
    name: 'checkin_stats',
    indexes: [],
  },
  {
    // _id is `${checkinId}:${openid}`: one like per member per check-in.
    name: 'checkin_likes',
    indexes: [],
  },
  {
    name: 'challenges',
    indexes: [{ name: 'community_startDay', keys: { communityId: 1, startDay: -1 } }],
  },
  {
    // _id is `${challengeId}:${openid}`: a member's part in a challenge.
    name: 'challenge_members',
    indexes: [
      { name: 'challenge_status', keys: { challengeId: 1, status: 1 } },
      { name: 'challenge_lastDay', keys: { challengeId: 1, lastDay: -1 } },
    ],
  },
  // ── Points, ledger and levels (issue 3) ──
  {
    // _id is the communityId: the community's saved rule overrides on top of DEFAULT_POINT_RULES.
    name: 'point_rules',
    indexes: [],
  },
  {
    // Staff actions on points: adjustments, make-up card grants, rule edits. _id is
    // `${communityId}:${kind}:${requestId}` for adjustments and grants, so a retry writes nothing new.
    name: 'audit',
    indexes: [{ name: 'community_createdAt', keys: { communityId: 1, createdAt: -1 } }],
  },
  {
    // Progress of batch jobs, e.g. `levels:<dayKey>` (cursor, counts, done).
    name: 'jobs',
    indexes: [],
  },
  // ── Points mall (issue 5) ──
  {
    // _id is `${communityId}:${requestId}` of the admin's create, so a retried save makes one item.
    name: 'mall_items',
    indexes: [
      // The member's shelf: on-shelf items, newest first.
      { name: 'community_onShelf_createdAt', keys: { communityId: 1, onShelf: 1, createdAt: -1 } },
      { name: 'community_createdAt', keys: { communityId: 1, createdAt: -1 } },
    ],
  },
  {
    // _id is core/mall.orderId(communityId, openid, requestId): a retried tap makes the same order.
    name: 'mall_orders',
    indexes: [
      { name: 'community_openid_createdAt', keys: { communityId: 1, openid: 1, createdAt: -1 } },
      // Codes received (inventory): the member's fulfilled coupons.
      {
        name: 'community_openid_kind_status_createdAt',
        keys: { communityId: 1, openid: 1, kind: 1, status: 1, createdAt: -1 },
      },
      // The admin queue and its filters.
      { name: 'community_createdAt', keys: { communityId: 1, createdAt: -1 } },
      { name: 'community_status_createdAt', keys: { communityId: 1, status: 1, createdAt: -1 } },
      { name: 'community_item_createdAt', keys: { communityId: 1, itemId: 1, createdAt: -1 } },
      {
        name: 'community_item_status_createdAt',
        keys: { communityId: 1, itemId: 1, status: 1, createdAt: -1 },
      },
    ],
  },
  {
    // _id is core/mall.limitCounterId: live orders per member, item and limit period ('total' or month).
    name: 'mall_limits',
    indexes: [],
  },
  // ── The weekly value score (issue 4) ──
  {
    // _id is `${communityId}:${openid}:${weekKey}`: one week's activity counters, written in the
    // source event's transaction (runtime/activity.ts).
    name: 'member_activity',
    indexes: [],
  },
  {
    // _id is `${communityId}:${openid}:${weekKey}`: a member's computed score for one week.
    name: 'value_scores',
    indexes: [{ name: 'community_openid_weekKey', keys: { communityId: 1, openid: 1, weekKey: -1 } }],
  },
  {
    // _id is `${communityId}:${weekKey}`: the tier counts of one weekly run.
    name: 'score_distributions',
    indexes: [{ name: 'community_weekKey', keys: { communityId: 1, weekKey: -1 } }],
  },
  {
    // _id is `${communityId}:${openid}:${epochMs}`: each wake-up (私聊唤醒) attempt by staff, with the outcome.
    name: 'wake_ups',
    indexes: [{ name: 'community_createdAt', keys: { communityId: 1, createdAt: -1 } }],
  },
  // ── Leaderboards and the monthly Top 3 (issue 4) ──
  {
    // _id is the communityId: hide staff, the Top-3 reward (core/leaderboard.ts RankSettings).
    name: 'rank_settings',
    indexes: [],
  },
  {
    // _id is `${communityId}:${monthKey}`: who won the month's Top 3 and what they got.
    name: 'top3_results',
    indexes: [{ name: 'community_createdAt', keys: { communityId: 1, createdAt: -1 } }],
  },
  // ── Surveys (issue 5) ──
  {
    // _id generated; the entry questionnaire is `${communityId}:entry`.
    name: 'surveys',
    indexes: [
      { name: 'community_createdAt', keys: { communityId: 1, createdAt: -1 } },
      // The member's list: published surveys, newest first.
      { name: 'community_status_createdAt', keys: { communityId: 1, status: 1, createdAt: -1 } },
    ],
  },
  {
    // _id is `${surveyId}:${sha256(surveyId:openid)}`: one response per member, no openid needed.
    name: 'survey_responses',
    indexes: [{ name: 'survey_createdAt', keys: { surveyId: 1, createdAt: 1 } }],
  },
  {
    // _id is `${responseId}:${questionId}`: text answers, screened; status visible / held / rejected.
    name: 'survey_texts',
    indexes: [
      {
        name: 'survey_question_status_createdAt',
        keys: { surveyId: 1, questionId: 1, status: 1, createdAt: -1 },
      },
    ],
  },
  {
    // _id is `${surveyId}:r${round}:${shard}`: running counts per question, summed for results.
    name: 'survey_tallies',
    indexes: [{ name: 'survey_round', keys: { surveyId: 1, round: 1 } }],
  },
  {
    // Personal invite refs: _id is `${communityId}_${ref}` (unique per community, resolved by one read);
    // one ref per member. Kept apart from members, whose unique indexes would clash on members without one.
    name: 'invite_refs',
    indexes: [{ name: 'community_openid_unique', keys: { communityId: 1, openid: 1 }, unique: true }],
  },
  {
    // _id is the openid: which community the person last used.
    name: 'users',
    indexes: [],
  },
]
