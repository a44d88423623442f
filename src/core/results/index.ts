/**
 * After the draw: the draws as the log records them, the results entry sheets (检查结果登记表) and
 * reading them back, the 公示 list with results, and the yearly figures.
 */
export { describeDraw, describeTeam, formatShortTime } from './describeDraw';
export type { DrawItem } from './describeDraw';
export {
  drawDateOf,
  FOLLOW_UP_OPTIONS,
  parseResultsIdentity,
  RESULTS_REGISTER_HEADER,
  RESULTS_REGISTER_LAYOUT,
  RESULTS_REGISTER_PREFIX,
  RESULTS_REGISTER_TITLE,
  resultsIdentityLine,
  resultsRegisterName,
  resultsRegisterOps,
} from './resultsRegister';
export type { FollowUp } from './resultsRegister';
export { readResults } from './readResults';
export type { DrawResults, ReadResultsOptions, ResultsReading, TargetResult } from './readResults';
export {
  buildPublicationRows,
  buildPublicationSheetOps,
  PUBLICATION_HEADER,
  PUBLICATION_SHEET,
  publishableDraws,
  toCsv,
} from './buildPublication';
export type { PublicationRow } from './buildPublication';
export {
  computeYearlyFigures,
  describeFigureBasis,
  FIGURE_THRESHOLDS,
  figuresSheetOps,
  FIGURES_SHEET,
  formatBasisPoints,
  isJointTeam,
  planYearOf,
  shareBasisPoints,
  thresholdsOf,
  usesCreditClasses,
} from './yearlyFigures';
export type { Figure, FigureKey, FigureThresholds, Threshold, YearFigures, YearlyFigureOptions } from './yearlyFigures';
export { parseResultDate, serialToIsoDate, isoDateToSerial } from './_lib/resultDates';
