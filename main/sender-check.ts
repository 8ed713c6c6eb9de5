// Who may call the ledger over IPC: only the main frame of one of our own windows, showing our own
// origin. A subframe, a detached frame or a page that navigated elsewhere is refused.
import type { WebFrameMain } from 'electron';
import { isAppUrl } from './url-policy';

export type FrameLike = Pick<WebFrameMain, 'processId' | 'routingId' | 'url' | 'detached'>;

/**
 * `sender` is event.senderFrame; `mainFrames` are webContents.mainFrame of the windows we trust.
 * Frames are compared by (processId, routingId): Electron may hand out distinct WebFrameMain
 * objects for the same frame, so object identity is not reliable.
 */
export function isTrustedSender(sender: FrameLike | null, mainFrames: readonly FrameLike[]): boolean {
  if (sender === null || sender.detached || !isAppUrl(sender.url)) return false;
  return mainFrames.some((main) => main.processId === sender.processId && main.routingId === sender.routingId);
}
