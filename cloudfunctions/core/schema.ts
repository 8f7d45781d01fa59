/**
 * The database description: every collection the product uses, its indexes and its security rule.
 * The local cloud creates these on start; for production, create the same in the cloud console
 * (README's deploy step, docs/API.md).
 */
export interface IndexSpec {
  name: string
  keys: Record<string, 1 | -1>
  unique?: boolean
}

/**
 * A collection's database security rule (云开发 数据库 → 数据权限 → 自定义安全规则), as the console
 * takes it. Every rule here is closed: the mini-program never reads or writes the database itself;
 * everything goes through the functions, which run with admin rights and check roles themselves.
 * A client rule such as "仅创建者可读写" would let any user create documents with an `_id` of their
 * choosing (e.g. `members/<community>_<me>` with `role: owner`).
 */
export interface SecurityRule {
  read: false
  write: false
}

/** The only rule a collection gets: no client reads or writes. */
export const NO_CLIENT_ACCESS: SecurityRule = { read: false, write: false }

export interface CollectionSpec {
  name: string
  indexes: IndexSpec[]
  /** Its security rule; README's deploy step applies it in the console. */
  rule: SecurityRule
}

export const COLLECTIONS: CollectionSpec[] = [
  {
    name: 'communities',
    rule: NO_CLIENT_ACCESS,
    indexes: [{ name: 'inviteCode_unique', keys: { inviteCode: 1 }, unique: true }],
  },
  {
    name: 'groups',
    rule: NO_CLIENT_ACCESS,
    indexes: [
      { name: 'openGId_unique', keys: { openGId: 1 }, unique: true },
      { name: 'communityId', keys: { communityId: 1 } },
    ],
  },
  {
    // _id is `${communityId}_${openid}` (core/community.memberId), so one membership per person.
    name: 'members',
    rule: NO_CLIENT_ACCESS,
    indexes: [
      { name: 'openid_joinedAt', keys: { openid: 1, joinedAt: -1 } },
      // The public id that names a member to others (runtime/public-id.ts): like and feature resolve it.
      // Not unique: members stored before it have none (random 96 bits never repeat in practice).
      { name: 'communityId_publicId', keys: { communityId: 1, publicId: 1 } },
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
      // Directory search by any part of a nickname: a multikey index over its characters and
      // bigrams (core/nickname#nameGrams), queried with `$all` of the query's grams.
      { name: 'community_nameGrams', keys: { communityId: 1, nameGrams: 1 } },
      // The check-in reminder timer: the members of one 5-minute slot, in _id order (checkin/reminders.ts).
      { name: 'reminderSlot_id', keys: { reminderSlot: 1, _id: 1 } },
    ],
  },
  {
    // Append-only points ledger; _id is derived from the source so a source never pays twice.
    name: 'ledger',
    rule: NO_CLIENT_ACCESS,
    indexes: [
      { name: 'community_openid_createdAt', keys: { communityId: 1, openid: 1, createdAt: -1 } },
      // The ledger export by date range (directory.exportLedger).
      { name: 'community_createdAt', keys: { communityId: 1, createdAt: 1 } },
    ],
  },
  {
    // Level changes, the audit trail and the source of the member's celebration or explanation.
    name: 'level_changes',
    rule: NO_CLIENT_ACCESS,
    indexes: [{ name: 'community_openid_createdAt', keys: { communityId: 1, openid: 1, createdAt: -1 } }],
  },
  // ── Joining, onboarding and content safety (issue 3) ──
  {
    // _id is `${communityId}_${openid}`: one live join request per person per community.
    name: 'join_requests',
    rule: NO_CLIENT_ACCESS,
    indexes: [
      { name: 'community_status_createdAt', keys: { communityId: 1, status: 1, createdAt: -1 } },
      { name: 'openid_createdAt', keys: { openid: 1, createdAt: -1 } },
    ],
  },
  {
    // _id is `${communityId}_${openid}`: the last entry-quiz attempt (cool-down after a fail).
    name: 'quiz_attempts',
    rule: NO_CLIENT_ACCESS,
    indexes: [{ name: 'openid_createdAt', keys: { openid: 1, createdAt: -1 } }],
  },
  {
    // _id is the communityId: handbook, rules, join quiz and questionnaire.
    name: 'onboarding_settings',
    rule: NO_CLIENT_ACCESS,
    indexes: [],
  },
  {
    // _id is `${communityId}:v${version}`; ackCount is kept in the acknowledgement transaction.
    name: 'rules_versions',
    rule: NO_CLIENT_ACCESS,
    indexes: [{ name: 'community_version', keys: { communityId: 1, version: -1 } }],
  },
  {
    // _id is `${communityId}:v${version}:${openid}`: one acknowledgement per member per version.
    name: 'rules_acks',
    rule: NO_CLIENT_ACCESS,
    indexes: [{ name: 'community_version_ackedAt', keys: { communityId: 1, version: 1, ackedAt: -1 } }],
  },
  {
    // _id is `${communityId}_${openid}`: the new-member checklist's state.
    name: 'member_onboarding',
    rule: NO_CLIENT_ACCESS,
    indexes: [],
  },
  {
    // _id is `${communityId}_${openid}`: a member's self-introduction (status visible|held|rejected).
    name: 'intros',
    rule: NO_CLIENT_ACCESS,
    indexes: [{ name: 'community_status_createdAt', keys: { communityId: 1, status: 1, createdAt: -1 } }],
  },
  {
    // _id is the communityId: the community's own word list.
    name: 'word_lists',
    rule: NO_CLIENT_ACCESS,
    indexes: [],
  },
  {
    // _id is `${communityId}:${collection}:${docId}`: member text waiting for an admin.
    name: 'held_content',
    rule: NO_CLIENT_ACCESS,
    indexes: [{ name: 'community_status_createdAt', keys: { communityId: 1, status: 1, createdAt: -1 } }],
  },
  {
    // _id is the platform's trace_id: a member photo sent to security.mediaCheckAsync, the document
    // and photo it decides, and the verdict once the wxa_media_check push brings it (issue 9).
    name: 'media_checks',
    rule: NO_CLIENT_ACCESS,
    indexes: [],
  },
  {
    // _id is a hash of the file ID (runtime/images.imageIdOf): an uploaded image accepted for a use,
    // who uploaded it, and its media check's outcome (issue 11).
    name: 'images',
    rule: NO_CLIENT_ACCESS,
    indexes: [],
  },
  // ── Check-ins (issue 3) ──
  {
    // _id is `${communityId}:${openid}:${dayKey}` (core/checkin.checkinId): the database itself keeps
    // one check-in per member per community per Asia/Shanghai day.
    name: 'checkins',
    rule: NO_CLIENT_ACCESS,
    indexes: [
      // The member's calendar: a month of their days.
      { name: 'community_openid_dayKey', keys: { communityId: 1, openid: 1, dayKey: 1 } },
      // The community feed: visible notes, newest first.
      { name: 'community_noteStatus_createdAt', keys: { communityId: 1, noteStatus: 1, createdAt: -1 } },
    ],
  },
  {
    // _id is `${checkinId}:${openid}`: one like per member per check-in.
    name: 'checkin_likes',
    rule: NO_CLIENT_ACCESS,
    indexes: [],
  },
  {
    name: 'challenges',
    rule: NO_CLIENT_ACCESS,
    indexes: [{ name: 'community_startDay', keys: { communityId: 1, startDay: -1 } }],
  },
  {
    // _id is `${challengeId}:${openid}`: a member's part in a challenge.
    name: 'challenge_members',
    rule: NO_CLIENT_ACCESS,
    indexes: [
      { name: 'challenge_status', keys: { challengeId: 1, status: 1 } },
      { name: 'challenge_lastDay', keys: { challengeId: 1, lastDay: -1 } },
    ],
  },
  // ── Points, ledger and levels (issue 3) ──
  {
    // _id is the communityId: the community's saved rule overrides on top of DEFAULT_POINT_RULES.
    name: 'point_rules',
    rule: NO_CLIENT_ACCESS,
    indexes: [],
  },
  {
    // _id is the communityId: the owner's ceilings on staff-set rewards (core/rewards.ts).
    name: 'reward_ceilings',
    rule: NO_CLIENT_ACCESS,
    indexes: [],
  },
  {
    // Staff actions that set or pay points (runtime/audit.ts): adjustments, make-up card grants, rule
    // edits, reward ceilings, challenge and survey rewards, featured notes, Top-3 rewards. _id is
    // `${communityId}:${kind}:${requestId}` for adjustments and grants, so a retry writes nothing new.
    name: 'audit',
    rule: NO_CLIENT_ACCESS,
    indexes: [{ name: 'community_createdAt', keys: { communityId: 1, createdAt: -1 } }],
  },
  {
    // Progress of batch jobs, e.g. `levels:<dayKey>` (cursor, counts, done).
    name: 'jobs',
    rule: NO_CLIENT_ACCESS,
    indexes: [],
  },
  // ── Points mall (issue 5) ──
  {
    // _id is `${communityId}:${requestId}` of the admin's create, so a retried save makes one item.
    name: 'mall_items',
    rule: NO_CLIENT_ACCESS,
    indexes: [
      // The member's shelf: on-shelf items, newest first.
      { name: 'community_onShelf_createdAt', keys: { communityId: 1, onShelf: 1, createdAt: -1 } },
      { name: 'community_createdAt', keys: { communityId: 1, createdAt: -1 } },
    ],
  },
  {
    // _id is core/mall.orderId(communityId, openid, requestId): a retried tap makes the same order.
    name: 'mall_orders',
    rule: NO_CLIENT_ACCESS,
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
    rule: NO_CLIENT_ACCESS,
    indexes: [],
  },
  // ── The weekly value score (issue 4) ──
  {
    // _id is `${communityId}:${openid}:${weekKey}`: one week's activity counters, written in the
    // source event's transaction (runtime/activity.ts).
    name: 'member_activity',
    rule: NO_CLIENT_ACCESS,
    indexes: [],
  },
  {
    // _id is `${communityId}:${openid}:${weekKey}`: a member's computed score for one week.
    name: 'value_scores',
    rule: NO_CLIENT_ACCESS,
    indexes: [{ name: 'community_openid_weekKey', keys: { communityId: 1, openid: 1, weekKey: -1 } }],
  },
  {
    // _id is `${communityId}:${weekKey}`: the tier counts of one weekly run.
    name: 'score_distributions',
    rule: NO_CLIENT_ACCESS,
    indexes: [{ name: 'community_weekKey', keys: { communityId: 1, weekKey: -1 } }],
  },
  {
    // _id is `${communityId}:${openid}:${epochMs}`: each wake-up (私聊唤醒) attempt by staff, with the outcome.
    name: 'wake_ups',
    rule: NO_CLIENT_ACCESS,
    indexes: [{ name: 'community_createdAt', keys: { communityId: 1, createdAt: -1 } }],
  },
  // ── Leaderboards and the monthly Top 3 (issue 4) ──
  {
    // _id is the communityId: hide staff, the Top-3 reward (core/leaderboard.ts RankSettings).
    name: 'rank_settings',
    rule: NO_CLIENT_ACCESS,
    indexes: [],
  },
  {
    // _id is `${communityId}:${monthKey}`: who won the month's Top 3 and what they got.
    name: 'top3_results',
    rule: NO_CLIENT_ACCESS,
    indexes: [{ name: 'community_createdAt', keys: { communityId: 1, createdAt: -1 } }],
  },
  // ── Surveys (issue 5) ──
  {
    // _id generated; the entry questionnaire is `${communityId}:entry`.
    name: 'surveys',
    rule: NO_CLIENT_ACCESS,
    indexes: [
      { name: 'community_createdAt', keys: { communityId: 1, createdAt: -1 } },
      // The member's list: published surveys, newest first.
      { name: 'community_status_createdAt', keys: { communityId: 1, status: 1, createdAt: -1 } },
    ],
  },
  {
    // _id is `${surveyId}:${sha256(surveyId:openid)}`: one response per member, no openid needed.
    name: 'survey_responses',
    rule: NO_CLIENT_ACCESS,
    indexes: [
      { name: 'survey_createdAt', keys: { surveyId: 1, createdAt: 1 } },
      // A member's own named answers (member.myData, member.deleteMe); anonymous ones store no openid.
      { name: 'openid', keys: { openid: 1 } },
    ],
  },
  {
    // _id is `${responseId}:${questionId}`: text answers, screened; status visible / held / rejected.
    name: 'survey_texts',
    rule: NO_CLIENT_ACCESS,
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
    rule: NO_CLIENT_ACCESS,
    indexes: [{ name: 'survey_round', keys: { surveyId: 1, round: 1 } }],
  },
  {
    // Personal invite refs: _id is `${communityId}_${ref}` (unique per community, resolved by one read);
    // one ref per member. Kept apart from members, whose unique indexes would clash on members without one.
    name: 'invite_refs',
    rule: NO_CLIENT_ACCESS,
    indexes: [{ name: 'community_openid_unique', keys: { communityId: 1, openid: 1 }, unique: true }],
  },
  // ── Sanctions: the violations ladder, its settings and removal tasks (issue 11) ──
  {
    // One row per recorded violation (core/sanctions): step, reason, evidence, expiry, appeal.
    name: 'violations',
    rule: NO_CLIENT_ACCESS,
    indexes: [
      // A member's record (the ladder's next step, their own page, the staff member page).
      { name: 'community_member_createdAt', keys: { communityId: 1, memberId: 1, createdAt: -1 } },
      // The staff queue (recent) and the notice board (step 2 namings).
      { name: 'community_step_createdAt', keys: { communityId: 1, step: 1, createdAt: -1 } },
      // Appeals waiting for a decision.
      {
        name: 'community_appealPending_createdAt',
        keys: { communityId: 1, appealPending: 1, createdAt: -1 },
      },
    ],
  },
  {
    // _id is the communityId: expiry days, skipping steps, quiet hours (core/sanctions SanctionSettings).
    name: 'sanction_settings',
    rule: NO_CLIENT_ACCESS,
    indexes: [],
  },
  {
    // A removal a human admin still has to carry out in the WeChat group; _id is the member's end.
    name: 'removal_tasks',
    rule: NO_CLIENT_ACCESS,
    indexes: [{ name: 'community_status_createdAt', keys: { communityId: 1, status: 1, createdAt: -1 } }],
  },
  {
    // Private staff notes on a member (directory.saveNote), newest first on the member's page.
    name: 'member_notes',
    rule: NO_CLIENT_ACCESS,
    indexes: [{ name: 'community_member_createdAt', keys: { communityId: 1, memberId: 1, createdAt: -1 } }],
  },
  {
    // _id is the openid: which community the person last used.
    name: 'users',
    rule: NO_CLIENT_ACCESS,
    indexes: [],
  },
  {
    // _id is the openid: the communities the person owns (core/team MAX_OWNED_COMMUNITIES). Creation
    // and transfer change it in their transaction, so parallel creations cannot pass the cap.
    name: 'owners',
    rule: NO_CLIENT_ACCESS,
    indexes: [],
  },
  // ── Activities: publishing, sign-up and attendance, the SOP timeline and reviews (issue 12) ──
  {
    // core/activities ActivityDoc. The calendar reads a community's activities by start time.
    name: 'activities',
    rule: NO_CLIENT_ACCESS,
    indexes: [
      { name: 'community_startAt', keys: { communityId: 1, startAt: 1 } },
      { name: 'community_stage_startAt', keys: { communityId: 1, stage: 1, startAt: 1 } },
      { name: 'series_startAt', keys: { seriesId: 1, startAt: 1 } },
    ],
  },
  {
    // A recurrence rule (daily rhythm, weekly themes, monthly celebration) and its template.
    name: 'activity_series',
    rule: NO_CLIENT_ACCESS,
    indexes: [{ name: 'community_createdAt', keys: { communityId: 1, createdAt: -1 } }],
  },
  {
    // core/activities SignupDoc, _id `${activityId}:${openid}`.
    name: 'activity_signups',
    rule: NO_CLIENT_ACCESS,
    indexes: [
      { name: 'activity_state_seq', keys: { activityId: 1, state: 1, seq: 1 } },
      { name: 'community_openid_createdAt', keys: { communityId: 1, openid: 1, createdAt: -1 } },
    ],
  },
  {
    // The attendance code's per-activity secret (functions/signups/code.ts), _id the activityId. Never sent out.
    name: 'activity_secrets',
    rule: NO_CLIENT_ACCESS,
    indexes: [],
  },
  {
    // core/activities TaskDoc, _id `${activityId}:${step}`: the SOP steps, due for staff or the timer.
    name: 'activity_tasks',
    rule: NO_CLIENT_ACCESS,
    indexes: [
      { name: 'community_state_dueAt', keys: { communityId: 1, state: 1, dueAt: 1 } },
      { name: 'state_auto_dueAt', keys: { state: 1, auto: 1, dueAt: 1 } },
    ],
  },
  {
    // The review (复盘) written at T+1d; _id is the activityId.
    name: 'activity_reviews',
    rule: NO_CLIENT_ACCESS,
    indexes: [{ name: 'community_kind_startAt', keys: { communityId: 1, kind: 1, startAt: -1 } }],
  },
  // ── The square (issue 13) ──
  {
    // One doc per post (square/records.ts PostDoc); _id from the author's tap, so a retry posts once.
    name: 'posts',
    rule: NO_CLIENT_ACCESS,
    indexes: [
      // The dashboard counts a day's posts (issue 14); the staff mix view counts by category and day.
      { name: 'community_day', keys: { communityId: 1, day: 1 } },
      { name: 'community_category_day', keys: { communityId: 1, category: 1, day: 1 } },
      // The feeds: newest, hot (the stored core/square hotScore), per theme, mine, 精选; each ends in
      // the page order's tiebreak (_id), so a first page is a walk that stops after the page.
      { name: 'community_status_createdAt', keys: { communityId: 1, status: 1, createdAt: -1, _id: -1 } },
      { name: 'community_status_hot', keys: { communityId: 1, status: 1, hot: -1, _id: -1 } },
      {
        name: 'community_theme_status_createdAt',
        keys: { communityId: 1, themeId: 1, status: 1, createdAt: -1, _id: -1 },
      },
      { name: 'community_author_createdAt', keys: { communityId: 1, authorId: 1, createdAt: -1, _id: -1 } },
      {
        name: 'community_featured_status_createdAt',
        keys: { communityId: 1, featured: 1, status: 1, createdAt: -1, _id: -1 },
      },
    ],
  },
  {
    // One doc per reply, one level deep under a post.
    name: 'post_replies',
    rule: NO_CLIENT_ACCESS,
    indexes: [
      { name: 'community_day', keys: { communityId: 1, day: 1 } },
      { name: 'post_status_createdAt', keys: { postId: 1, status: 1, createdAt: 1 } },
      { name: 'post_createdAt', keys: { postId: 1, createdAt: 1 } },
    ],
  },
  {
    // _id is `${postId}:${openid}` (core/square postLikeId): one like per member per post.
    name: 'post_likes',
    rule: NO_CLIENT_ACCESS,
    indexes: [],
  },
  {
    // _id is `${postId or replyId}:${openid}` (core/square reportId): one report per member per target.
    name: 'post_reports',
    rule: NO_CLIENT_ACCESS,
    indexes: [{ name: 'community_createdAt', keys: { communityId: 1, createdAt: -1 } }],
  },
  {
    // _id is the applicant's member id: one ad application (三证) per member (square/ads.ts).
    name: 'ad_applications',
    rule: NO_CLIENT_ACCESS,
    indexes: [{ name: 'community_status_createdAt', keys: { communityId: 1, status: 1, createdAt: -1 } }],
  },
  {
    // Topics staff open for members to post under (the weekly theme days need no doc).
    name: 'square_themes',
    rule: NO_CLIENT_ACCESS,
    indexes: [{ name: 'community_status_createdAt', keys: { communityId: 1, status: 1, createdAt: -1 } }],
  },
  {
    // core/metrics DailyFigures, _id `${communityId}_${day}`: the nightly figures (dashboard/job.ts).
    name: 'metrics_daily',
    rule: NO_CLIENT_ACCESS,
    indexes: [{ name: 'community_day', keys: { communityId: 1, day: -1 } }],
  },
  {
    // The dashboard's alerts (dashboard/alerts.ts): one doc per episode, `${communityId}:${key}:${day}`.
    name: 'alerts',
    rule: NO_CLIENT_ACCESS,
    indexes: [
      { name: 'community_raisedAt', keys: { communityId: 1, raisedAt: -1 } },
      { name: 'community_status_raisedAt', keys: { communityId: 1, status: 1, raisedAt: -1 } },
    ],
  },
]

/**
 * Issue 14: the nightly figures count a day's rows per community with count queries that these
 * indexes answer (never a scan of the members): who joined, left, was active or posted in a window,
 * the day's check-ins, survey answers, sign-ups and attendance.
 */
const DASHBOARD_INDEXES: Record<string, IndexSpec[]> = {
  members: [
    { name: 'community_joinedAt', keys: { communityId: 1, joinedAt: 1 } },
    { name: 'community_lastActiveAt', keys: { communityId: 1, lastActiveAt: 1 } },
    { name: 'community_lastPostAt', keys: { communityId: 1, lastPostAt: 1 } },
    { name: 'community_status_endedAt', keys: { communityId: 1, status: 1, endedAt: 1 } },
  ],
  checkins: [{ name: 'community_dayKey', keys: { communityId: 1, dayKey: 1 } }],
  survey_responses: [{ name: 'community_createdAt', keys: { communityId: 1, createdAt: 1 } }],
  activity_signups: [
    { name: 'community_createdAt', keys: { communityId: 1, createdAt: 1 } },
    { name: 'community_attendedAt', keys: { communityId: 1, attendedAt: 1 } },
  ],
}
for (const [name, indexes] of Object.entries(DASHBOARD_INDEXES))
  COLLECTIONS.find((c) => c.name === name)?.indexes.push(...indexes)

/** The security rules of every collection, as `{ [collection]: rule }` (what the console takes per collection). */
export function securityRules(): Record<string, SecurityRule> {
  return Object.fromEntries(COLLECTIONS.map((c) => [c.name, c.rule]))
}
