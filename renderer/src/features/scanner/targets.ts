// Who takes a scan: the screen or dialog on top that asked for scans, else the scanner opens what the code names.
// A target belongs to the dialog its scope element is in (none: to the page); while a dialog is open only its own
// targets are asked, so that a scan never lands behind a dialog or navigates away from it.
import { useEffect, useRef, type RefObject } from 'react';
import type { ParsedItemCode } from '../../../../db/domain/item-codes';

export interface Scan {
  /** As the scanner typed it. */
  text: string;
  parsed: ParsedItemCode;
}

/** Answers whether it used the scan; one that did not leaves it to the next target. */
type ScanHandler = (scan: Scan) => boolean;

interface Target {
  handle: ScanHandler;
  scope: RefObject<HTMLElement | null> | undefined;
}

const targets: Target[] = [];

/** The dialog on top: the last open one (antd adds each at the end of the body); one closing is gone already. */
function topDialog(): Element | null {
  const open = [...document.querySelectorAll<HTMLElement>('.ant-modal-wrap')].filter(
    (wrap) => getComputedStyle(wrap).display !== 'none' && !/-leave/.test(wrap.querySelector('.ant-modal')?.className ?? ''),
  );
  return open[open.length - 1] ?? null;
}

/**
 * While mounted and active, this screen is asked first about every scan (the most recently mounted first).
 * @param scope an element inside the target's dialog: without one the target is the page's, asked only while no dialog is open.
 */
export function useScanTarget(handler: ScanHandler, active = true, scope?: RefObject<HTMLElement | null>): void {
  const current = useRef(handler);
  useEffect(() => {
    current.current = handler;
  });
  useEffect(() => {
    if (!active) return;
    const target: Target = { handle: (scan) => current.current(scan), scope };
    targets.push(target);
    return () => void targets.splice(targets.indexOf(target), 1);
  }, [active, scope]);
}

/** Offers a scan to the targets of the layer on top; 'dialog': a dialog is open and none of its targets took it. */
export function offerScan(scan: Scan): 'used' | 'dialog' | 'none' {
  const top = topDialog();
  for (const target of [...targets].reverse()) {
    const layer = target.scope?.current?.closest('.ant-modal-wrap') ?? null;
    if (layer === top && target.handle(scan)) return 'used';
  }
  return top ? 'dialog' : 'none';
}
