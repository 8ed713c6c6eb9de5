// Devices slice (custodian, approver, auditor): the four device registers (涉密 / 非涉密 计算机 and 移动存储介质)
// and the device shown on the device page. The backend pages and decides every rule.
import { send } from '../../api';
import type { CommandInput, CommandName, CommandOutput } from '../../../../preload/contract';
import type { DeviceKind } from './devices';
import type { SliceCreator } from '../../store/types';

export type ComputerDetail = CommandOutput<'computers.get'>;
export type MediumDetail = CommandOutput<'media.get'>;
export type ComputerListInput = CommandInput<'computers.list'>;
export type MediumListInput = CommandInput<'media.list'>;
/** The commands that change one device; each refreshes the device page afterwards. */
export type DeviceCommand = Exclude<
  Extract<CommandName, `computers.${string}` | `media.${string}`>,
  'computers.list' | 'computers.get' | 'computers.register' | 'media.list' | 'media.get' | 'media.register' | 'media.usageLog'
>;

export const DEVICE_PAGE_SIZE = 50;

export interface DevicesSlice {
  /** The device the device page shows. */
  computer: ComputerDetail | null;
  medium: MediumDetail | null;
  listComputers(input: ComputerListInput): Promise<CommandOutput<'computers.list'>>;
  listMedia(input: MediumListInput): Promise<CommandOutput<'media.list'>>;
  loadDevice(kind: DeviceKind, id: number): Promise<void>;
  registerComputer(input: CommandInput<'computers.register'>): Promise<{ id: number }>;
  registerMedium(input: CommandInput<'media.register'>): Promise<{ id: number }>;
  runDeviceCommand<N extends DeviceCommand>(name: N, input: CommandInput<N>): Promise<CommandOutput<N>>;
}

export const initialDevices = { computer: null, medium: null } satisfies Partial<DevicesSlice>;

export const createDevicesSlice: SliceCreator<DevicesSlice> = (set, get, session) => {
  // A computer's or medium's details must not stay in memory behind the lock screen.
  session.clearsOnEnd(initialDevices);
  return {
    ...initialDevices,

    listComputers: (input) => send('computers.list', input),
    listMedia: (input) => send('media.list', input),

    async loadDevice(kind, id) {
      if (kind === 'computer') set({ computer: await send('computers.get', { id }) });
      else set({ medium: await send('media.get', { id }) });
    },

    registerComputer: (input) => send('computers.register', input),
    registerMedium: (input) => send('media.register', input),

    async runDeviceCommand(name, input) {
      const out = await send(name, input);
      // The change is made; a failed refresh must not report it as refused.
      const { deviceKind, deviceId } = get();
      if (deviceId !== null)
        await get()
          .loadDevice(deviceKind, deviceId)
          .catch(() => undefined);
      return out;
    },
  };
};
