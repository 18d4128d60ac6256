/**
 * Downloads asked for in a channel or group chat go to the admin's personal chat, never into the
 * shared conversation: a download link gives names and emails to whoever opens it. The card is
 * sent through the notices' paced, once-only delivery, in the background of the channel's turn,
 * when CertLink can reach the admin there (they have chatted with it before).
 */
import { downloadLinksCard } from '../../../cards/adminCards';
import type { AdminActions } from '../../../services/admin/adminActions';
import type { Organization } from '../../../services/directory/types';
import { onceKey } from '../../../services/kv/onceKey';
import type { Notices } from '../../proactive/startNotices';

export interface DownloadRequest {
  tenantId: string;
  userId: string;
  org: Organization;
  what: 'report' | 'audit';
  /** The activity that asked: the delivery's once-only key. */
  requestId: string;
}

export interface DownloadSender {
  /** True when the admin can be reached in their personal chat and the links are on their way. */
  send(request: DownloadRequest): Promise<boolean>;
}

export const nowhereToSend: DownloadSender = { send: async () => false };

export function personalChatDownloads(notices: Pick<Notices, 'refs' | 'delivery'>, admin: Pick<AdminActions, 'downloadLinks'>, onFailure: (err: unknown) => void): DownloadSender {
  return {
    async send({ tenantId, userId, org, what, requestId }) {
      const ref = await notices.refs.get(tenantId, userId);
      if (!ref) return false;
      const out = await admin.downloadLinks(org, userId, what);
      if (out.kind !== 'ok') return false;
      const { csv, xlsx } = out.links;
      const key = onceKey('downloads', tenantId, userId, what, requestId);
      // Not awaited: the channel's answer does not wait for Teams' pacing and retries.
      notices.delivery.deliver({ key, tenantId, userId, card: (to) => downloadLinksCard({ what, orgName: org.name, csvUrl: csv.url, xlsxUrl: xlsx.url, locale: to.locale }) }).catch(onFailure);
      return true;
    },
  };
}
