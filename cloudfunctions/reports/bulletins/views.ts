import type { BulletinCard, BulletinView } from '../../../types/bulletins'
import type { User } from '../../../types/domain'
import type { Deps } from '../../core/ports'
import type { StoredBulletin } from './repository'

export const isOffice = (caller: User) => caller.roles.includes('admin')

export const toCard = (b: Omit<StoredBulletin, 'figures'>): BulletinCard => ({
  id: b._id,
  no: b.no,
  kind: b.kind,
  start: b.start,
  end: b.end,
  title: b.title,
  status: b.status,
  publishedAt: b.publishedAt,
  createdAt: b.createdAt
})

/** The frozen bulletin, with links for the overdue list's photos made now (one storage call) and the caller's unit. */
export async function toView(deps: Deps, caller: User, bulletin: StoredBulletin): Promise<BulletinView> {
  const withPhoto = bulletin.figures.overdueCases.filter((c) => c.photo)
  const urls = withPhoto.length ? await deps.files.urls(withPhoto.map((c) => c.photo!)) : []
  // who made and published it, and the request key, stay on the server
  return {
    ...toCard(bulletin),
    year: bulletin.year,
    seq: bulletin.seq,
    preface: bulletin.preface,
    figures: bulletin.figures,
    updatedAt: bulletin.updatedAt,
    photoUrls: Object.fromEntries(withPhoto.map((c, i) => [c.id, urls[i]])),
    mine: isOffice(caller) ? null : (caller.departmentId ?? null)
  }
}
