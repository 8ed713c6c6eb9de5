// Settings slice: the ledger's settings and the facts shown on the overview.
import { send } from '../../api';
import type { CommandOutput, LedgerSettings } from '../../../../preload/contract';
import type { SliceCreator } from '../../store/types';

export type LedgerInfo = CommandOutput<'ledger.info'>;

export interface SettingsSlice {
  settings: LedgerSettings | null;
  ledgerInfo: LedgerInfo | null;
  loadSettings(): Promise<void>;
  updateSettings(change: Partial<LedgerSettings>): Promise<void>;
  loadLedgerInfo(): Promise<void>;
}

export const initialSettings = { settings: null, ledgerInfo: null } satisfies Partial<SettingsSlice>;

export const createSettingsSlice: SliceCreator<SettingsSlice> = (set, get, session) => {
  session.clearsOnEnd(initialSettings);
  return {
    ...initialSettings,

    async loadSettings() {
      set({ settings: await send('settings.get', {}) });
    },

    async updateSettings(change) {
      const settings = await send('settings.update', change);
      set({ settings });
      // The header shows the unit name from the session; keep it in step without another round trip.
      const status = get().status;
      if (status?.session) {
        set({ status: { ...status, session: { ...status.session, unitName: settings.unitName, idleMinutes: settings.idleMinutes } } });
      }
    },

    async loadLedgerInfo() {
      set({ ledgerInfo: await send('ledger.info', {}) });
    },
  };
};
