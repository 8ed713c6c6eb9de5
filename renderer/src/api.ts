// The renderer's only door to the backend: window.ledger, defined by Electron's preload in production
// and by the browser test host's bridge script in tests. Nothing here depends on which one it is.
import type { CommandInput, CommandName, CommandOutput, ErrorCode, PushEvent } from '../../preload/contract';

/** A refused or failed command, carrying the backend's stable code for translation. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }
}

let sessionLost: (() => void) | null = null;

/** Called when a command finds the session gone (idle lock or logout we missed a push for). */
export function onSessionLost(listener: () => void): void {
  sessionLost = listener;
}

/** Runs one backend command; resolves to its value or throws ApiError. */
export async function send<N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandOutput<N>> {
  const result = await window.ledger.invoke(name, input).catch((err: unknown) => {
    // The bridge itself broke (host gone): report it like any backend failure.
    throw new ApiError('E_INTERNAL', err instanceof Error ? err.message : String(err));
  });
  if (result.ok) return result.value;
  const { code, message, details } = result.error;
  if (code === 'E_NOT_LOGGED_IN') sessionLost?.();
  throw new ApiError(code, message, details);
}

/** Subscribes to backend pushes (lock, logout); returns the unsubscribe function. */
export function subscribePush(listener: (event: PushEvent) => void): () => void {
  return window.ledger.onPush(listener);
}
