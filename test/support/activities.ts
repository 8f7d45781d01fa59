/**
 * Activity documents for sign-up tests, written directly in the shape core/activities ActivityDoc
 * gives (the `activities` function that publishes them is tested on its own).
 */
import type { ActivityDoc } from '../../cloudfunctions/core/activities'
import type { SdkDatabase } from './local-cloud'

/** A published activity starting `startAt`, ending an hour later, sign-up closing at the start. */
export async function addActivity(
  db: SdkDatabase,
  id: string,
  over: Partial<Omit<ActivityDoc, '_id'>> & Pick<ActivityDoc, 'communityId' | 'startAt'>,
): Promise<void> {
  const start = over.startAt
  const doc: Omit<ActivityDoc, '_id'> = {
    kind: 'lecture',
    size: 'small',
    title: `活动${id}`,
    coverFileId: null,
    description: '一起读完这本书的第一章',
    endAt: new Date(start.getTime() + 3_600_000),
    place: null,
    link: null,
    capacity: null,
    signupDeadline: start,
    minLevel: null,
    points: 0,
    stage: 'published',
    ownerOpenid: 'o-organiser',
    createdBy: 'o-organiser',
    createdAt: new Date(start.getTime() - 10 * 86_400_000),
    updatedAt: new Date(start.getTime() - 10 * 86_400_000),
    publishedAt: new Date(start.getTime() - 10 * 86_400_000),
    confirmedCount: 0,
    waitlistCount: 0,
    attendedCount: 0,
    ...over,
  }
  await db.collection('activities').doc(id).set({ data: doc })
}
