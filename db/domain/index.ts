// The domain core: pure TypeScript (no Node, no SQLite, no DOM, no I/O), shared by the backend and the renderer.
export * from './copies';
export * from './errors';
export * from './levels';
export * from './marking';
export * from './passwords';
export * from './receipt';
export * from './roles';
export * from './terms';
