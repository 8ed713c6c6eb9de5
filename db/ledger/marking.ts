// Moved to db/domain/marking.ts; this re-export keeps the imports of files being moved by other work valid.
export { levelRank, type DocumentLevel as Level } from '../domain/levels';
export * from '../domain/marking';
