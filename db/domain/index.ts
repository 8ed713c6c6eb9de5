// The domain core: pure TypeScript (no Node, no SQLite, no DOM, no I/O), shared by the backend and the renderer.
export * from './copies';
export * from './errors';
export * from './levels';
export { DEFAULT_YEARS, LEVEL_NAMES, formatMarking, markingSchema, parseLevel, parseMarking, secrecyEnd, type Marking, type MarkingErrorReason, type Period } from './marking';
export * from './passwords';
export * from './receipt';
export * from './roles';
export * from './terms';
