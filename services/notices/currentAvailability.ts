/** Turns AssociationService.status into what the notice worker needs, so the bot composes it in one line. */
import { StatusView } from '../association/associationService';
import { AssociationLimits } from '../association/types';
import { CurrentAvailability } from './noticeWorker';

export function toCurrentAvailability(view: StatusView, limits: AssociationLimits, orgName: (mpnId: string) => string = (mpnId) => mpnId): CurrentAvailability {
  const { record, availability } = view;
  const last = record.starts[record.starts.length - 1];
  return {
    nextDate: availability.date,
    associationsLeft: Math.max(0, limits.maxPerWindow - availability.usedInWindow),
    link: record.link ? { mpnId: record.link.mpnId, orgName: orgName(record.link.mpnId), since: new Date(record.link.since) } : null,
    lastStartAt: last ? new Date(last.at) : null,
  };
}
