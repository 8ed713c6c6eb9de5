// The sandboxed preload: exposes window.ledger and nothing else. The renderer never sees
// ipcRenderer or an IPC event object, only the two functions of LedgerApi.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { FOLDER_CHANNEL, INVOKE_CHANNEL, PRINT_CHANNEL, PRINTERS_CHANNEL, PUSH_CHANNEL } from './channels';
import type { LedgerApi, PushEvent } from './contract';

const api: LedgerApi = {
  invoke: (name, input) => ipcRenderer.invoke(INVOKE_CHANNEL, name, input),
  capabilities: { printToPrinter: true, savePdf: true, pickFolder: true },
  print: (job) => ipcRenderer.invoke(PRINT_CHANNEL, job),
  printers: () => ipcRenderer.invoke(PRINTERS_CHANNEL),
  pickFolder: (request) => ipcRenderer.invoke(FOLDER_CHANNEL, request),
  onPush(listener) {
    const relay = (_event: IpcRendererEvent, pushed: PushEvent): void => listener(pushed);
    ipcRenderer.on(PUSH_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(PUSH_CHANNEL, relay);
    };
  },
};

contextBridge.exposeInMainWorld('ledger', api);
