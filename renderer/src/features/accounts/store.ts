// Accounts slice (administrator): the account list and the changes made to it.
import { send } from '../../api';
import type { AccountView, CommandInput } from '../../../../preload/contract';
import type { SliceCreator } from '../../store/types';

export type NewAccount = CommandInput<'account.create'>;
export type AccountChange = CommandInput<'account.update'>;

export interface AccountsSlice {
  accounts: AccountView[];
  loadAccounts(): Promise<void>;
  createAccount(account: NewAccount): Promise<void>;
  updateAccount(change: AccountChange): Promise<void>;
  resetPassword(username: string, newPassword: string): Promise<void>;
}

export const initialAccounts = { accounts: [] } satisfies Partial<AccountsSlice>;

export const createAccountsSlice: SliceCreator<AccountsSlice> = (set, get, session) => {
  session.clearsOnEnd(initialAccounts);
  function replace(account: AccountView): void {
    const others = get().accounts.filter((a) => a.username !== account.username);
    set({ accounts: [...others, account].sort((a, b) => a.username.localeCompare(b.username)) });
  }

  return {
    ...initialAccounts,

    async loadAccounts() {
      set({ accounts: await send('account.list', {}) });
    },

    async createAccount(account) {
      replace(await send('account.create', account));
    },

    async updateAccount(change) {
      replace(await send('account.update', change));
    },

    async resetPassword(username, newPassword) {
      await send('account.resetPassword', { username, newPassword });
      // The account now must change its password: reload to show it.
      await get().loadAccounts();
    },
  };
};
