export { createOfficeWorkbook } from './createOfficeWorkbook';
export type { OfficeWorkbookOptions } from './createOfficeWorkbook';
export { detectCapabilities } from './detectCapabilities';
export type {
  Capabilities,
  ExcelApiVersion,
  OfficeFeature,
  RequirementChecker,
  UnavailableFeature,
} from './detectCapabilities';
