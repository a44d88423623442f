// Codes are normalised by the shared text helpers, so that rules need not import ids (a lower layer).
export { normalizeCode } from '../text';
export { checkUscc, computeUsccCheckChar, computeOrgCodeCheckChar, isValidUscc } from './checkUscc';
export type { UsccOk, UsccProblem, UsccResult } from './checkUscc';
export { checkResidentId, computeResidentIdCheckChar } from './checkResidentId';
export type { CalendarDate, ResidentIdOk, ResidentIdProblem, ResidentIdResult } from './checkResidentId';
export { isLikelyMangledNumber, mangledNumberFinding } from './isLikelyMangledNumber';
