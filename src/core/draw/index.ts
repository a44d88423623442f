/** ssj-draw/1 and ssj-draw/2: the verifiable double-random draw (see docs/draw-protocol.md). */
export { canonicalDigest, canonicalJson, sha256Hex } from './canonicalJson';
export { compareCodePoints } from './compareCodePoints';
export { computeCommitment, derivePublicSeedHex } from './publicSeed';
export type { CommitmentInputs, CommitmentOutcome } from './publicSeed';
export { replayRecord } from './replayRecord';
export type { ReplayOutcome } from './replayRecord';
export { runDraw } from './runDraw';
export { createStream, nextU32, sample, uniform } from './createStream';
export type { DrawStream } from './createStream';
export { replaySubstitutions, substitute, SUBSTITUTE_PROTOCOL } from './substitute';
export type { SubstitutionReplay } from './substitute';
export { DRAW_PROTOCOL, DRAW_PROTOCOL_V2, DRAW_PROTOCOLS, validateDrawRecord } from './validateDrawRecord';
export type { DrawRecordValidation, ValidateDrawRecordOptions } from './validateDrawRecord';
export type * from './types';
