export {
  buildRecordFormModel,
  buildRecordFormsOps,
  recordFormsSheetName,
  recordFormStartRows,
  targetSheetName,
  FORM_RESULT_CODES,
  MAX_SHEETS_PER_TARGET,
  RECORD_FORM_NOTES,
  RECORD_FORM_RESULT_COLUMN,
  RECORD_FORM_TITLE,
} from './buildRecordForms';
export type {
  FormResultCode,
  RecordFormCheck,
  RecordFormInspector,
  RecordFormInspectorGroup,
  RecordFormModel,
  RecordFormModelOptions,
  RecordFormSignature,
  RecordFormsLayout,
  RecordFormsOptions,
  RecordFormTarget,
} from './buildRecordForms';
export { fillTemplate, templateValuesFor } from './fillTemplate';
export type { TemplateCellWrite, TemplateValues } from './fillTemplate';
