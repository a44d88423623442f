export { buildRecordFormModel, RECORD_FORM_NOTES, RECORD_FORM_TITLE } from './buildRecordFormModel';
export type {
  RecordFormCheck,
  RecordFormInspector,
  RecordFormInspectorGroup,
  RecordFormModel,
  RecordFormModelOptions,
  RecordFormSignature,
  RecordFormTarget,
} from './buildRecordFormModel';
export {
  buildRecordFormsOps,
  recordFormsSheetName,
  recordFormStartRows,
  targetSheetName,
  MAX_SHEETS_PER_TARGET,
  RECORD_FORM_RESULT_COLUMN,
} from './buildRecordForms';
export type { RecordFormsLayout, RecordFormsOptions } from './buildRecordForms';
export { fillTemplate, templateValuesFor } from './fillTemplate';
export type { TemplateCellWrite, TemplateFill, TemplateValues } from './fillTemplate';
