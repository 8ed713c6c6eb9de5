// The folder dialog of backup and restore, without Electron: the check of what the renderer asks for, and the
// options Electron's dialog.showOpenDialog gets. Unit-tested; main/index.ts wires them.
import type { FolderRequest } from '../preload/contract';

/** The request as main accepts it from IPC: a short title, and an optional place to open at. */
export function parseFolderRequest(raw: unknown): FolderRequest | null {
  if (raw === null || typeof raw !== 'object') return null;
  const { title, defaultPath } = raw as Record<string, unknown>;
  if (typeof title !== 'string' || title.length === 0 || title.length > 200) return null;
  if (defaultPath !== undefined && (typeof defaultPath !== 'string' || defaultPath.length > 1000)) return null;
  return { title, ...(defaultPath ? { defaultPath } : {}) };
}

/** A folder, which the user may create there (a new backup folder on the medium). */
export function folderDialogOptions(request: FolderRequest): { title: string; defaultPath?: string; properties: ('openDirectory' | 'createDirectory')[] } {
  return { ...request, properties: ['openDirectory', 'createDirectory'] };
}

/** The dialog's answer as the renderer gets it: the chosen folder, or null when it was closed. */
export function chosenFolder(result: { canceled: boolean; filePaths: string[] }): string | null {
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
