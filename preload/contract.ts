// The typed surface the renderer sees as window.ledger. Types only: nothing of db/ runs in the renderer.
import type { CommandName, CommandInput, CommandOutput } from '../db/commands';
import type { LedgerErrorShape } from '../db/errors';
import type { PushEvent, ToBackend, FromBackend, InvokeResult } from '../db/process-protocol';

export type { CommandName, CommandInput, CommandOutput, LedgerErrorShape, PushEvent, ToBackend, FromBackend, InvokeResult };
export type { ErrorCode } from '../db/errors';
export type { LabelsDocument, PrintDocument, PrintMeta, PrintPayload, PrintRequest } from '../db/ledger/print/commands';
export type { ReportDocument } from '../db/domain/report';
export type { LabelData, LabelItems, LabelLayout } from '../db/domain/labels';
import type { PrintRequest } from '../db/ledger/print/commands';
export type {
  Role,
  SessionInfo,
  AccountView,
  LedgerSettings,
  AuditEntryView,
  AuditVerifyView,
  PrintoutCheckView,
  LedgerStatus,
  LevelCode,
  CopyStatusCode,
  LocationView,
  DocumentListItem,
  CopyView,
  DocumentEventView,
  DocumentDetail,
  ReminderCounts,
  DeviceLevelCode,
  ComputerView,
  ComputerCheckView,
  ComputerCheckDue,
  MediumView,
  DeviceEventView,
  MediaUsageView,
  BackupStatusView,
  BackupView,
  BackupInspectView,
  RestoreResultView,
} from '../db/views';

export type Result<T> = { ok: true; value: T } | { ok: false; error: LedgerErrorShape };

/** A print the host renders from the renderer's print route (#/print?r=...). */
export interface PrintJob {
  request: PrintRequest;
  target: 'pdf' | 'printer';
  copies?: number;
  /** A printer the host listed; none: the system dialog (Electron) chooses. */
  deviceName?: string;
}

export interface PrintOutcome {
  pages: number;
  /** The PDF for the renderer to save (hosts that cannot show a save dialog). */
  pdfBase64?: string;
  /** The user closed the save or print dialog: nothing was printed or recorded. */
  cancelled?: boolean;
}

export interface PrinterInfo {
  name: string;
  displayName: string;
}

/** What this host can do beyond invoke and onPush: the renderer shows only what works here. One object, one key per capability. */
export interface HostCapabilities {
  /** Sends a printout to a printer (Electron); the browser test host cannot. */
  printToPrinter: boolean;
  /** Saves a printout as PDF. */
  savePdf: boolean;
  /** Shows the system's folder dialog (Electron, pickFolder); the browser test host cannot: the path is typed. */
  pickFolder: boolean;
}

/** What the folder dialog shows: its title in the reader's language, and where it opens. */
export interface FolderRequest {
  title: string;
  defaultPath?: string;
}

export interface LedgerApi {
  invoke<N extends CommandName>(name: N, input: CommandInput<N>): Promise<Result<CommandOutput<N>>>;
  capabilities: HostCapabilities;
  /** Subscribes to backend pushes (lock, reminders); returns the unsubscribe function. */
  onPush(listener: (event: PushEvent) => void): () => void;
  /** Optional capability: prints or saves as PDF and records the print (print.record). Absent: no printing here. */
  print?(job: PrintJob): Promise<Result<PrintOutcome>>;
  /** Optional capability: the printers the host can print to. */
  printers?(): Promise<PrinterInfo[]>;
  /** With capabilities.pickFolder: the folder the user chose, or null when they closed the dialog. */
  pickFolder?(request: FolderRequest): Promise<string | null>;
}

/**
 * Attributes the print route sets on <html> once the printout is laid out (or failed); hosts wait for
 * ready or error, then read the prepared print's id for print.record (the backend kept what it shows) and its title.
 */
export type PrintAttribute =
  | 'data-print-ready'
  | 'data-print-error'
  | 'data-print-id'
  | 'data-print-rows'
  | 'data-print-title'
  | 'data-print-audit-seq'
  | 'data-print-orientation'
  /** "60x40": the page's size in mm when it is not A4 (single labels for a label printer). */
  | 'data-print-page-mm'
  /** The printout's pages in all, when the route shows them a chunk at a time (registers, forms, reports). */
  | 'data-print-pages'
  /** "40-80": the pages [from, to) the route shows now, counted from 0; a host prints them, then asks for the next. */
  | 'data-print-shown';

/** What a print route that shows its pages a chunk at a time offers its host (see data-print-shown). */
export interface PrintRouteWindow {
  /** Shows the pages [from, to) (to: the next chunk's end by default); resolves with data-print-shown once drawn. */
  showPrintPages?(from: number, to?: number): Promise<string>;
}

declare global {
  interface Window {
    ledger: LedgerApi;
  }
}
