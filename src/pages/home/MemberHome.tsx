import { Text, View } from '@tarojs/components'
import type { CommunitySummary, MemberProfile } from '@/services/member'
import CheckinCard from './components/CheckinCard'
import CheckinFeed from './components/CheckinFeed'
import LevelCelebration from './components/LevelCelebration'
import LinkCell from '@/components/LinkCell'
import Pill from '@/components/Pill'
import NewMemberChecklist from './components/OnboardingChecklist'
import { Avatar } from '@/ui/nutui'
import { avatarText } from '@/ui/avatar'

/** Home for a member: their community and where they stand in it. */
export default function MemberHome({
  community,
  member,
}: {
  community: CommunitySummary
  member: MemberProfile
}) {
  return (
    <View>
      <LevelCelebration />
      <View className='home-hero'>
        <Text className='home-hero__name'>{community.name}</Text>
        {community.slogan && <Text className='home-hero__slogan'>{community.slogan}</Text>}
        <View className='home-hero__meta'>
          <Text className='home-hero__count'>{community.memberCount}</Text>
          <Text className='home-hero__count-label'> 位成员</Text>
        </View>
      </View>

      <View className='qh-card home-me'>
        <View className='home-me__head'>
          <Avatar size='48' background='#fff1e8' color='#c84a17'>
            {avatarText(member.nickname)}
          </Avatar>
          <View className='home-me__who'>
            <Text className='home-me__nickname'>{member.nickname}</Text>
            <View className='home-me__tags'>
              <Pill>{`${member.levelName} · ${member.roleName}`}</Pill>
            </View>
          </View>
        </View>
        <View className='home-me__stats'>
          <View className='home-me__stat'>
            <Text className='home-me__stat-value'>{member.balance}</Text>
            <Text className='home-me__stat-label'>积分</Text>
          </View>
          <View className='home-me__stat'>
            <Text className='home-me__stat-value'>{member.totalEarned}</Text>
            <Text className='home-me__stat-label'>累计获得</Text>
          </View>
        </View>
      </View>

      <NewMemberChecklist community={community} member={member} />

      <CheckinCard community={community} member={member} />
      <View className='qh-card'>
        <LinkCell
          title='社群广场'
          description='发帖、回复、点赞；用心写的原创内容可得有效发言积分'
          extra='去看看'
          url='/packages/square/feed/index'
        />
      </View>
      <CheckinFeed communityId={community.id} />
    </View>
  )
}
