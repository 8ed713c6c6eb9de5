// The scanner (a USB barcode scanner typing as a keyboard): what other screens use of it.
export { useScanTarget, type Scan, type ScanHandler } from './targets';
export { beepUnknown } from './beep';
export { useScanFeedback, invalidCode, type ScanFeedback } from './feedback';
export { useOpenCode, useCopyOfScan, lookupCode, type CodeLookup, type ScannedCopy } from './open';
export { Scanner } from './Scanner';
