// The scanner (a USB barcode scanner typing as a keyboard): what other screens use of it.
export { useScanTarget, type Scan } from './targets';
export { beepUnknown } from './beep';
export { useScanFeedback, invalidCode } from './feedback';
export { useOpenCode, useCopyOfScan, lookupCode } from './open';
export { Scanner } from './Scanner';
