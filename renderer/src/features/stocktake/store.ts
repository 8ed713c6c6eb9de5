// Stocktake slice (清查 by cabinet): the list, the one stocktake on screen, and the commands that change it. A scan
// changes the screen from its own reply (one line moves between lists), never by reading the whole stocktake again:
// a cabinet may hold thousands of copies and a scan must show at once. Everything else reads the stocktake anew,
// so nothing lives only in the renderer (a paused stocktake resumes from the backend).
import { send } from '../../api';
import type { CommandInput, CommandOutput } from '../../../../preload/contract';
import type { SliceCreator } from '../../store/types';

export type StocktakeSummary = CommandOutput<'stocktake.list'>[number];
export type StocktakeView = CommandOutput<'stocktake.get'>;
export type CabinetTally = StocktakeView['cabinets'][number];
export type DeviceTally = NonNullable<StocktakeView['deviceTally']>;
export type ScanReply = CommandOutput<'stocktake.scan'>;
type StartInput = CommandInput<'stocktake.start'>;
type CloseReply = CommandOutput<'stocktake.close'>;

export interface StocktakeSlice {
  stocktakes: StocktakeSummary[] | null;
  /** The stocktake the screen shows. */
  stocktake: StocktakeView | null;
  loadStocktakes(): Promise<void>;
  loadStocktake(id: number): Promise<void>;
  startStocktake(input: StartInput): Promise<CommandOutput<'stocktake.start'>>;
  /** One scanned or typed code in a cabinet (null: the devices part); the screen follows the reply. */
  scanStocktake(cabinetId: number | null, code: string): Promise<ScanReply>;
  undoStocktakeScan(input: Omit<CommandInput<'stocktake.undoScan'>, 'id'>): Promise<void>;
  resolveMisplaced(input: Omit<CommandInput<'stocktake.resolveMisplaced'>, 'id'>): Promise<void>;
  closeStocktake(input: Omit<CommandInput<'stocktake.close'>, 'id'>): Promise<CloseReply>;
}

const initialStocktake = { stocktakes: null, stocktake: null } satisfies Partial<StocktakeSlice>;

/** The code a line is known by on screen: a copy's or device's label, an unexpected scan's text. */
const codeOf = (line: { labelCode: string } | { code: string }) => ('labelCode' in line ? line.labelCode : line.code);
const put = <L extends { labelCode: string } | { code: string }>(list: readonly L[], line: L): L[] => [line, ...list.filter((l) => codeOf(l) !== codeOf(line))];
const without = <L extends { labelCode: string } | { code: string }>(list: readonly L[], code: string): L[] => list.filter((l) => codeOf(l) !== code);

/** What a cabinet's and the devices' tallies share: what was found, what is still missing, what should not be here. */
interface Lists<P> {
  visited: boolean;
  present: P[];
  missing: P[];
  unexpected: CabinetTally['unexpected'];
}

/** The tally after one scan's reply: the scanned line moves to where the backend put it. */
function tallyAfter<P extends { labelCode: string }, T extends Lists<P>>(tally: T, reply: ScanReply): T {
  switch (reply.outcome) {
    case 'present': {
      const line = reply.line as unknown as P;
      return { ...tally, visited: true, present: put(tally.present, line), missing: without(tally.missing, line.labelCode) };
    }
    case 'unexpected':
      return { ...tally, visited: true, unexpected: put(tally.unexpected, reply.line) };
    default:
      return tally;
  }
}

function cabinetAfter(tally: CabinetTally, reply: ScanReply): CabinetTally {
  return reply.outcome === 'misplaced' ? { ...tally, visited: true, misplaced: put(tally.misplaced, reply.line) } : tallyAfter(tally, reply);
}

function applyScan(view: StocktakeView, cabinetId: number | null, reply: ScanReply): StocktakeView {
  if (reply.outcome === 'cabinet') {
    return { ...view, cabinets: view.cabinets.map((c) => (c.cabinet.id === reply.cabinetId ? { ...c, visited: true } : c)) };
  }
  if (cabinetId === null) return view.deviceTally ? { ...view, deviceTally: tallyAfter(view.deviceTally, reply) } : view;
  // A misplaced copy is no longer missing from the cabinet it belongs to: it was found elsewhere.
  const home = reply.outcome === 'misplaced' ? reply.line : null;
  return {
    ...view,
    cabinets: view.cabinets.map((c) => {
      if (c.cabinet.id === cabinetId) return cabinetAfter(c, reply);
      if (home && c.cabinet.id === home.belongsTo.id && c.missing.some((l) => l.copyId === home.copyId)) {
        return { ...c, missing: without(c.missing, home.labelCode), foundElsewhere: put(c.foundElsewhere, home) };
      }
      return c;
    }),
  };
}

export const createStocktakeSlice: SliceCreator<StocktakeSlice> = (set, get, session) => {
  session.clearsOnEnd(initialStocktake);
  const shownId = () => {
    const id = get().stocktake?.id;
    if (id === undefined) throw new Error('no stocktake on screen');
    return id;
  };

  return {
    ...initialStocktake,

    async loadStocktakes() {
      set({ stocktakes: await send('stocktake.list', {}) });
    },

    async loadStocktake(id) {
      const view = await send('stocktake.get', { id });
      set({ stocktake: view });
    },

    async startStocktake(input) {
      return send('stocktake.start', input);
    },

    async scanStocktake(cabinetId, code) {
      const id = shownId();
      const reply = await send('stocktake.scan', { id, cabinetId, code });
      const view = get().stocktake;
      if (view?.id === id) set({ stocktake: applyScan(view, cabinetId, reply) });
      return reply;
    },

    async undoStocktakeScan(input) {
      const id = shownId();
      await send('stocktake.undoScan', { id, ...input });
      await get().loadStocktake(id);
    },

    async resolveMisplaced(input) {
      const id = shownId();
      await send('stocktake.resolveMisplaced', { id, ...input });
      await get().loadStocktake(id);
    },

    async closeStocktake(input) {
      const id = shownId();
      const out = await send('stocktake.close', { id, ...input });
      await get().loadStocktake(id);
      return out;
    },
  };
};
