// Drafts slice: what the user typed and has not saved yet, so that nothing typed is lost. A lock unmounts every
// page and dialog; their drafts stay here (renderer memory only, never on disk) and come back after the unlock
// of the same user. Leaving a screen (navigation, logout) with input unsaved asks first; once left, its drafts go.
import type { SliceCreator } from './types';

/** A question waiting for the user: discard the unsaved input of `keys` (null: of the whole screen) and go on? */
export interface PendingLeave {
  keys: string[] | null;
  answer(discard: boolean): void;
}

export interface DraftsSlice {
  /** By key: a form's values as last typed, or a view's kept state (which dialog is open). */
  drafts: Record<string, unknown>;
  /** Keys of the forms on screen now (a draft of a form not shown asks nobody). */
  formsShown: string[];
  /** The user whose drafts these are: another user signing in starts empty. */
  draftsOwner: string | null;
  pendingLeave: PendingLeave | null;
  keepDraft(key: string, value: unknown): void;
  dropDraft(key: string): void;
  /** A form on screen (true) or gone (false): a lock unmounts it without dropping its draft. */
  showForm(key: string, shown: boolean): void;
  /**
   * Leaves the forms of `keys` (default: the whole screen): at once when none holds unsaved input, else after the
   * user's 放弃 (resolves true: drafts dropped, `go` run) or 继续编辑 (resolves false: nothing changes).
   */
  leave(go?: () => void, keys?: string[]): Promise<boolean>;
  answerLeave(discard: boolean): void;
  /** A user signed in: drafts of anyone else are dropped. */
  ownDrafts(username: string): void;
}

/** The slice's state without drafts: applied at logout and when the session is lost. */
export const NO_DRAFTS = { drafts: {}, draftsOwner: null, pendingLeave: null } satisfies Partial<DraftsSlice>;

const without = (drafts: Record<string, unknown>, keys: string[]) => Object.fromEntries(Object.entries(drafts).filter(([k]) => !keys.includes(k)));

export const createDraftsSlice: SliceCreator<DraftsSlice> = (set, get) => ({
  drafts: {},
  formsShown: [],
  draftsOwner: null,
  pendingLeave: null,

  keepDraft(key, value) {
    set((s) => ({ drafts: { ...s.drafts, [key]: value } }));
  },

  dropDraft(key) {
    set((s) => (key in s.drafts ? { drafts: without(s.drafts, [key]) } : {}));
  },

  showForm(key, shown) {
    set((s) => ({ formsShown: shown ? [...s.formsShown, key] : s.formsShown.filter((k) => k !== key) }));
  },

  leave(go, keys) {
    const { drafts, formsShown, pendingLeave } = get();
    const unsaved = (keys ?? formsShown).some((k) => formsShown.includes(k) && k in drafts);
    const discard = () => {
      // Leaving the screen leaves its kept views too (a dialog left open is not reopened on coming back).
      set((s) => ({ drafts: keys ? without(s.drafts, keys) : {}, pendingLeave: null }));
      go?.();
    };
    if (!unsaved) {
      discard();
      return Promise.resolve(true);
    }
    pendingLeave?.answer(false);
    return new Promise<boolean>((resolve) => {
      set({
        pendingLeave: {
          keys: keys ?? null,
          answer(yes) {
            if (yes) discard();
            else set({ pendingLeave: null });
            resolve(yes);
          },
        },
      });
    });
  },

  answerLeave(discard) {
    get().pendingLeave?.answer(discard);
  },

  ownDrafts(username) {
    set((s) => (s.draftsOwner === username ? {} : { ...NO_DRAFTS, draftsOwner: username }));
  },
});
