export { createMemoryWorkbook } from './createMemoryWorkbook';
export type { MemoryCell, MemorySheet, MemorySheetSeed, MemoryWorkbook } from './createMemoryWorkbook';
