// The IPC channel names, as values that both the preload and main import at run time
// (main may import nothing else from preload/ but types).
export const INVOKE_CHANNEL = 'ledger:invoke';
export const PUSH_CHANNEL = 'ledger:push';
export const PRINT_CHANNEL = 'ledger:print';
export const PRINTERS_CHANNEL = 'ledger:printers';
export const FOLDER_CHANNEL = 'ledger:folder';
