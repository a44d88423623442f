/**
 * Data types of ssj-draw/1 and ssj-draw/2 (the verifiable double-random draw). Field names follow
 * the spec's JSON exactly, because these values are digested as they are.
 */

/**
 * The protocol name a draw record carries: `ssj-draw/1`, or `ssj-draw/2` when every team must hold
 * at least `team.minStaff` 局部门工作人员 (spec §12). The string selects the rules a verifier applies.
 */
export type DrawProtocol = 'ssj-draw/1' | 'ssj-draw/2';

/** 抽查计划 / 抽查任务 identity. An absent value is written as `""`. */
export type TaskInfo = {
  readonly planNo: string;
  readonly taskNo: string;
  readonly planName: string;
  readonly taskName: string;
};

/** 32 bytes from a cryptographic generator, as 64 lowercase hex characters. */
export type LocalSeed = {
  readonly source: 'local';
  readonly hex: string;
};

/**
 * A seed taken from a public number announced before it existed. `hex` is SHA-256 of `text`
 * after NFC and trimming; `announcement` fixes which number and its exact text form (承诺).
 */
export type PublicSeed = {
  readonly source: 'public';
  readonly announcement?: string;
  readonly text: string;
  readonly hex: string;
};

export type DrawSeed = LocalSeed | PublicSeed;

/** A public seed before the number is known: what the commitment (承诺) covers. */
export type PendingPublicSeed = {
  readonly source: 'public';
  readonly announcement?: string;
};

/** One stratum (e.g. a credit class) with its ratio in basis points and its sorted candidates. */
export type Stratum = {
  readonly name: string;
  /** 抽查比例 in basis points: 500 = 5 %. */
  readonly basisPoints: number;
  /** Target ids, unique, ascending by code point. */
  readonly candidates: readonly string[];
};

/** A department on the team with its minimum head count. The first one is the lead department. */
export type DepartmentSpec = {
  readonly name: string;
  readonly min: number;
};

/** One inspector (执法检查人员). Only staff (局部门工作人员) of the lead department may lead. */
export type InspectorEntry = {
  readonly id: string;
  readonly department: string;
  readonly staff: boolean;
};

/** A (target, inspector) pair that must not meet: 回避, 连续三次, or another reason decided before the draw. */
export type Exclusion = {
  readonly target: string;
  readonly inspector: string;
};

/** How teams (检查组) are made. */
export type TeamSpec = {
  readonly size: number;
  readonly departments: readonly DepartmentSpec[];
  /** 0 means no cap. */
  readonly maxPerInspector: number;
  /** Unique ids, ascending by code point. */
  readonly inspectors: readonly InspectorEntry[];
  /** Sorted by target, then inspector (code point); no duplicates. */
  readonly exclusions: readonly Exclusion[];
  /**
   * ssj-draw/2 only (and required there): at least this many team members, leader included, are
   * staff (局部门工作人员); 1 ≤ minStaff ≤ size. An ssj-draw/1 record must not have the key.
   */
  readonly minStaff?: number;
};

/** A draw record without `result`: everything the draw depends on. */
export type DrawInputs = {
  readonly protocol: DrawProtocol;
  readonly task: TaskInfo;
  readonly seed: DrawSeed;
  readonly strata: readonly Stratum[];
  readonly team: TeamSpec;
};

/** One drawn target and its team. `members[0]` is the leader. */
export type ResultEntry = {
  readonly target: string;
  readonly stratum: string;
  readonly leader: string;
  readonly members: readonly string[];
};

/** A complete draw record: the inputs plus the result they produce. */
export type DrawRecord = DrawInputs & {
  readonly result: readonly ResultEntry[];
};

/** A substitution (递补) of one team member, logged after the draw. */
export type SubstitutionRecord = {
  readonly protocol: 'ssj-substitute/1';
  /** recordDigest of the draw. */
  readonly draw: string;
  readonly target: string;
  readonly out: string;
  readonly reason: string;
  readonly replacement: string;
};

/** What the caller asks for when an inspector cannot serve. */
export type SubstitutionRequest = {
  readonly target: string;
  readonly out: string;
  readonly reason: string;
};

/**
 * Display names for messages: id → name (targets or inspectors). Ids without an entry are shown
 * as themselves.
 */
export type DisplayNames = Readonly<Record<string, string>>;

/** Options shared by the draw functions. */
export type DrawOptions = {
  readonly names?: DisplayNames;
};

/** Machine-readable code of a record problem. */
export type DrawRecordIssueCode =
  | 'not-object'
  | 'wrong-type'
  | 'missing-field'
  | 'unknown-field'
  | 'wrong-protocol'
  | 'ill-formed-string'
  | 'not-nfc'
  | 'untrimmed'
  | 'empty'
  | 'contains-slash'
  | 'reserved-name'
  | 'not-integer'
  | 'out-of-range'
  | 'not-sorted'
  | 'duplicate'
  | 'unknown-department'
  | 'bad-seed-hex'
  | 'seed-mismatch'
  | 'result-present'
  | 'too-many-issues';

/** One problem with a record's inputs, with the JSON path of the field (e.g. `strata[0].candidates`). */
export type DrawRecordIssue = {
  readonly path: string;
  readonly code: DrawRecordIssueCode;
  readonly message: string;
};

/** Why an inspector could not be drawn for a slot. */
export type IneligibleReason = 'excluded' | 'capped' | 'not-staff' | 'already-chosen' | 'removed';

/** One inspector who was not available for a slot, and all the reasons. */
export type IneligibleInspector = {
  readonly inspector: string;
  readonly reasons: readonly IneligibleReason[];
};

/** Structured facts behind a `no-leader` or `too-few-inspectors` failure, for a UI to render. */
export type ShortfallDetails = {
  readonly target: string;
  readonly stratum: string;
  /** Which step failed: the leader, a department minimum, or the extra members. */
  readonly slot: 'leader' | 'department' | 'extra';
  /** The department concerned; `null` for `extra` (any department). */
  readonly department: string | null;
  readonly needed: number;
  readonly eligible: number;
  readonly eligibleInspectors: readonly string[];
  readonly ineligible: readonly IneligibleInspector[];
};

/**
 * Structured facts behind a `too-few-staff` failure (ssj-draw/2 §12): the phase (a department's
 * minimum or the extra members) had to take `needed` staff (its m) and found `eligible` staff in its
 * pool; `ineligible` lists the other staff of that department (or of any department, for `extra`)
 * with why they were not in the pool.
 */
export type StaffShortfallDetails = Omit<ShortfallDetails, 'slot'> & {
  readonly slot: 'department' | 'extra';
  readonly minStaff: number;
};

/** A draw that could not be made. Never comes with a partial result. */
export type DrawFailure =
  | {
      readonly kind: 'invalid-record';
      readonly message: string;
      readonly details: { readonly issues: readonly DrawRecordIssue[] };
    }
  | {
      readonly kind: 'no-leader' | 'too-few-inspectors';
      readonly message: string;
      readonly details: ShortfallDetails;
    }
  | {
      readonly kind: 'too-few-staff';
      readonly message: string;
      readonly details: StaffShortfallDetails;
    };

/** Outcome of {@link runDraw}. */
export type DrawOutcome =
  | {
      readonly ok: true;
      readonly result: readonly ResultEntry[];
      readonly inputDigest: string;
      readonly recordDigest: string;
      /** The complete record (inputs plus result), ready to be logged. */
      readonly record: DrawRecord;
    }
  | { readonly ok: false; readonly failure: DrawFailure };

/** Structured facts behind a substitution failure. */
export type SubstitutionFailureDetails = {
  readonly target: string;
  readonly out: string;
  readonly department: string | null;
  readonly isLeader: boolean;
  readonly issues: readonly DrawRecordIssue[];
  readonly ineligible: readonly IneligibleInspector[];
  /** Inspectors removed from this target's team by this or earlier substitutions. */
  readonly removed: readonly string[];
};

/** A substitution that could not be made. */
export type SubstitutionFailure = {
  /**
   * `invalid-record`: the draw record is invalid or its result is not the recomputed one.
   * `invalid-request`: the target is not drawn, `out` is not on the current team, the reason is
   * not a clean string, or an earlier substitution does not belong to this draw or does not replay.
   * `no-replacement`: nobody is eligible.
   */
  readonly kind: 'invalid-record' | 'invalid-request' | 'no-replacement';
  readonly message: string;
  readonly details: SubstitutionFailureDetails;
};

/** Outcome of {@link substitute}. */
export type SubstitutionOutcome =
  | {
      readonly ok: true;
      readonly substitution: SubstitutionRecord;
      /** The target's team after this substitution. */
      readonly entry: ResultEntry;
    }
  | { readonly ok: false; readonly failure: SubstitutionFailure };
