export { normalizeCode } from './normalizeCode';
export { checkUscc, computeUsccCheckChar, computeOrgCodeCheckChar } from './checkUscc';
export type { UsccOk, UsccProblem, UsccResult } from './checkUscc';
export { checkResidentId, computeResidentIdCheckChar } from './checkResidentId';
export type { CalendarDate, ResidentIdOk, ResidentIdProblem, ResidentIdResult } from './checkResidentId';
export { isLikelyMangledNumber, mangledNumberFinding } from './isLikelyMangledNumber';
