export { findTable, findTables, fieldAddress, normalizeHeader, HEADER_SEARCH_ROWS } from './findTables';
export type { FoundTable, TableCell, TableRow } from './findTables';
export { TABLE_SCHEMAS, schemaOf } from './tableSchemas';
export type { FieldSpec, TableKind, TableSchema } from './tableSchemas';
