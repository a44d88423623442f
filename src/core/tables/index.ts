export {
  findTable,
  findTableAt,
  findTables,
  resolveTables,
  headerCandidates,
  missingRequiredColumns,
  fieldAddress,
  normalizeHeader,
  HEADER_SEARCH_ROWS,
} from './findTables';
export type { FoundTable, HeaderCandidate, ResolvedTables, TableCell, TableChoice, TableRow } from './findTables';
export { TABLE_SCHEMAS, schemaOf } from './tableSchemas';
export type { FieldSpec, TableKind, TableSchema } from './tableSchemas';
export {
  readTableChoices,
  saveTableChoicesOps,
  tableKindOf,
  tableKindTitle,
  TABLE_CHOICES_HEADER,
  NO_TABLE_TITLE,
} from './tableChoices';
