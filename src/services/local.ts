/**
 * H5 only: the local cloud's dev controls behind the dev login page (never part of the weapp build:
 * only pages/dev-login imports this, and that page exists only in the h5 build).
 */
import { ServiceError } from './service-error'

export interface Persona {
  openid: string
  nickname: string
  role: string
  roleName: string
  communityName: string
}

export interface LocalGroup {
  openGId: string
  name: string
  communityName: string
}

export interface PersonaList {
  personas: Persona[]
  groups: LocalGroup[]
}

const UNAVAILABLE = '连不上本地云，请先运行 npm run local'

async function request<T>(pathname: string, init?: RequestInit): Promise<T> {
  let res: Response
  try {
    res = await fetch(pathname, init)
  } catch {
    throw new ServiceError('INTERNAL', UNAVAILABLE)
  }
  if (res.status !== 200) throw new ServiceError('INTERNAL', UNAVAILABLE)
  return (await res.json()) as T
}

export async function listPersonas(): Promise<PersonaList> {
  const list = await request<Partial<PersonaList>>('/_local/personas')
  return { personas: list.personas ?? [], groups: list.groups ?? [] }
}

/** A fresh CloudID for a share card of group `openGId`, as getGroupEnterInfo would give. */
export async function groupShare(openGId: string): Promise<string> {
  const reply = await request<{ cloudID: string }>('/_local/group-share', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openGId }),
  })
  return reply.cloudID
}

/** A new visitor: an openid nobody has used, who belongs to no community. */
export function newVisitorOpenid(): string {
  const random = Math.random().toString(36).slice(2, 10)
  return `visitor-${Date.now().toString(36)}${random}`
}
