/**
 * A hand-written fake of the slice of the Excel JavaScript API that `createOfficeWorkbook` uses.
 *
 * It keeps Office's rules, as the ExcelApi reference (@types/office-js) states them, so that tests
 * catch what real Excel would reject:
 * - properties are readable only after `load()` + `sync()` (else a `PropertyNotLoaded` error);
 * - setters and methods are queued and take effect at `sync()`, in order; a failing command stops
 *   the batch, and the commands before it stay applied (Office.js has no transactions) — a test
 *   can fail any command k of a sync (`failOnSync(n, { atCommand: k })`);
 * - proxies belong to their `Excel.run`: once it has returned, using them throws
 *   `InvalidObjectPath`;
 * - a string written to a General cell is converted as Excel would (`=…` becomes a formula,
 *   `-1` and 18-digit IDs become numbers), but stays text in a `@` cell;
 * - protecting a protected sheet throws; on a protected sheet, values may go only into unlocked
 *   cells and formats nowhere; `Worksheet.copy` keeps the protection and its password;
 * - deleting a VeryHidden sheet throws `InvalidOperation` ("first change its visibility");
 * - when the workbook's structure is protected, sheets cannot be added, copied, deleted, renamed,
 *   hidden or shown;
 * - merging keeps only the top-left value of the range;
 * - `text` shows dates and custom number formats as Excel displays them;
 * - a request or response over 5 MB throws `RequestPayloadSizeLimitExceeded` /
 *   `ResponsePayloadSizeLimitExceeded`, as Excel on the web does. Sizes are measured here, from
 *   the JSON of what is sent and loaded, independently of the adapter's own estimate.
 * Every `sync()` is recorded with its request and response bytes and command count; `afterSync`
 * lets a test play a co-author who changes the workbook between two syncs.
 */
import { parseCellAddress } from '../../src/core/grid';
import type { CellValue, MergedArea } from '../../src/core/grid';
import type { SheetVisibility } from '../../src/workbook/port';
import { boxAddress, parseRangeAddress } from '../../src/workbook/rangeAddress';
import type { RangeBox } from '../../src/workbook/rangeAddress';

/** `locked: false` marks a cell a protected sheet still lets values into (Excel's default is locked). */
export type FakeCell = { value: CellValue; formula?: string; format: string; locked?: boolean };

export type FakeSheet = {
  /** `Worksheet.id`: stays the same when the sheet is renamed; a copy gets a new one. */
  id: string;
  name: string;
  /** Keyed by `row * COLS + col`. */
  cells: Map<number, FakeCell>;
  merges: MergedArea[];
  isProtected: boolean;
  password?: string;
  protectOptions?: unknown;
  visibility: SheetVisibility;
  /** Points, by 0-based column. */
  columnWidths: Map<number, number>;
  /** Points, by 0-based row. */
  rowHeights: Map<number, number>;
  /** Every format property set, in order: `{ address: 'A1:B2', prop: 'font.bold', value: true }`. */
  formatLog: { address: string; prop: string; value: unknown }[];
  validations: { address: string; rule?: unknown; prompt?: unknown; errorAlert?: unknown }[];
  pageLayout: Record<string, unknown>;
  pageBreaks: string[];
};

export type SyncRecord = { requestBytes: number; responseBytes: number; commands: number };

export type SeedOptions = {
  /** Top-left cell of `rows` (default A1). */
  at?: string;
  formats?: string[][];
  merges?: string[];
  isProtected?: boolean;
  password?: string;
  visibility?: SheetVisibility;
  /** Ranges whose cells are unlocked (Format Cells → Protection → Locked off). */
  unlocked?: string[];
};

export type FakeExcelOptions = {
  /** Highest ExcelApi minor version the host supports (default 13). */
  excelApiMinor?: number;
  /** Request/response limit (default 5 MB, as in Excel on the web). */
  payloadLimitBytes?: number;
};

/** An Office-like error: `code` as in `Excel.ErrorCodes`. */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

const COLS = 16_384;
const key = (r: number, c: number): number => r * COLS + c;

/** Excel on the web's documented limit for one request and one response. */
const EXCEL_WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/**
 * Bytes one queued action adds to Office's request JSON besides its arguments (action id, type,
 * object path, property name): about what a RichApi action entry takes.
 */
const COMMAND_BYTES = 120;

/**
 * UTF-8 bytes of a value as JSON, as it travels: measured here, not with the adapter's estimator.
 * (No Buffer: the fake also runs in the browser, behind the pane in test/e2e.)
 */
function wireBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  let bytes = 0;
  for (const ch of json) {
    const code = ch.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function excelSerial(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** What Excel does to a string typed into a cell that is not formatted as text. */
function coerce(s: string): { value: CellValue; formula?: string; format?: string } {
  // A leading apostrophe makes Excel keep the rest as text; it is not part of the value.
  if (s.startsWith("'")) return { value: s.slice(1) };
  if (s.startsWith('=')) return { value: 0, formula: s };
  const t = s.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return { value: Number(t) };
  if (/^[+-]?\d+(\.\d+)?%$/.test(t)) return { value: Number(t.slice(0, -1)) / 100, format: '0%' };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  const date = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (date)
    return { value: excelSerial(Number(date[1]), Number(date[2]), Number(date[3])), format: 'yyyy/m/d' };
  // `+86 138…`, `-x`, `@x` are read as formulas that do not parse.
  if (/^[+\-@]/.test(s)) return { value: '#NAME?', formula: `=${s.slice(1)}` };
  return { value: s };
}

/** Calendar date of an Excel serial (1900 date system). */
function serialDate(serial: number): { y: number; m: number; d: number } {
  const t = new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/**
 * A number under a format code, as Excel displays it: the codes bureau sheets use (dates with
 * y/m/d and 年月日, fixed decimals, thousands separators, percentages, General).
 */
function formatNumber(v: number, format: string): string {
  const code = format.split(';')[0] ?? 'General';
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  if (/[yd]/i.test(bare) || (/m/i.test(bare) && !/[0#]/.test(bare))) {
    const { y, m, d } = serialDate(v);
    const pad = (n: number) => String(n).padStart(2, '0');
    // Tokens longest first, so that `yyyy` is not read as two `yy`; quoted text stays as written.
    return code.replace(/"([^"]*)"|yyyy|yy|mm|m|dd|d|\\(.)/gi, (t, quoted: string | undefined, escaped: string | undefined) => {
      if (quoted !== undefined) return quoted;
      if (escaped !== undefined) return escaped;
      switch (t.toLowerCase()) {
        case 'yyyy': return String(y);
        case 'yy': return pad(y % 100);
        case 'mm': return pad(m);
        case 'm': return String(m);
        case 'dd': return pad(d);
        default: return String(d);
      }
    });
  }
  if (code.includes('%')) {
    const decimals = /\.(0+)%/.exec(code)?.[1]?.length ?? 0;
    return `${(v * 100).toFixed(decimals)}%`;
  }
  const fixed = /^#?,?[#0]*\.?(0*)$/.exec(code.replace(/,(?=[#0])/g, ''));
  if (fixed && code !== 'General' && /[0#]/.test(code)) {
    const decimals = fixed[1]?.length ?? 0;
    const s = Math.abs(v).toFixed(decimals);
    const [int, frac] = s.split('.');
    const grouped = code.includes(',') ? int!.replace(/\B(?=(\d{3})+$)/g, ',') : int!;
    return `${v < 0 ? '-' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
  }
  // General shows at most 11 characters: an 18-digit ID becomes 1.10101E+17.
  if (Math.abs(v) >= 1e11) {
    const [mant, e] = v.toExponential(5).split('e');
    return `${Number(mant)}E${Number(e) < 0 ? '-' : '+'}${String(Math.abs(Number(e))).padStart(2, '0')}`;
  }
  return String(v);
}

/** Displayed text of a cell (`Range.text`). */
function displayText(cell: FakeCell | undefined): string {
  if (!cell || cell.value === null) return '';
  const v = cell.value;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  if (cell.format === '@') return String(v);
  return formatNumber(v, cell.format);
}

function overlaps(a: RangeBox, b: RangeBox): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

type Command = { bytes: number; run: () => { bytes: number; commit?: () => void } | void };

/** The in-memory workbook plus the `Excel.run` replacement. */
export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly syncs: SyncRecord[] = [];
  activeSheet: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  private readonly excelApiMinor: number;
  readonly payloadLimitBytes: number;
  /** Workbook structure protection (审阅 → 保护工作簿): no adding, copying, deleting, renaming, hiding or showing sheets. */
  isStructureProtected = false;
  private failure: { sync: number; error: FakeOfficeError; atCommand: number } | null = null;
  private readonly afterSyncHooks = new Map<number, () => void>();

  constructor(options: FakeExcelOptions = {}) {
    this.excelApiMinor = options.excelApiMinor ?? 13;
    this.payloadLimitBytes = options.payloadLimitBytes ?? EXCEL_WEB_PAYLOAD_LIMIT;
  }

  /** `Office.context.requirements` for this host. */
  readonly requirements = {
    isSetSupported: (name: string, version: string): boolean => {
      const [major, minor] = version.split('.').map(Number);
      return name === 'ExcelApi' && major === 1 && (minor ?? 0) <= this.excelApiMinor;
    },
  };

  /** Whether the host has an ExcelApi minor version; the adapter must not call newer APIs. */
  supports(minor: number): boolean {
    return minor <= this.excelApiMinor;
  }

  /** The replacement for `Excel.run`; Office syncs once more at the end if commands are queued. */
  readonly run = async <T>(batch: (context: FakeContext) => Promise<T>): Promise<T> => {
    const context = new FakeContext(this);
    try {
      const result = await batch(context);
      if (context.hasPending()) await context.sync();
      return result;
    } finally {
      // Proxies die with their batch (no trackedObjects in this adapter).
      context.close();
    }
  };

  /** `run` typed as `Excel.run`, to pass to `createOfficeWorkbook`. */
  get excelRun(): typeof Excel.run {
    return this.run as unknown as typeof Excel.run;
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  /** Forgets the sync log (after seeding or between phases of a test). */
  resetSyncs(): void {
    this.syncs.length = 0;
  }

  /**
   * Makes the `n`-th sync from now (1-based) fail. By default every command of that sync runs and
   * the sync then fails, as when the last command fails; `applyCommands: false` fails it before
   * the first command; `atCommand: k` runs commands 1 … k-1 and fails at command k (the rest
   * never run), as Excel does when one command of a batch fails.
   */
  failOnSync(n: number, options: { code?: string; applyCommands?: boolean; atCommand?: number } = {}): void {
    this.failure = {
      sync: this.syncs.length + n,
      error: new FakeOfficeError(options.code ?? 'GeneralException', 'Simulated failure'),
      atCommand: options.atCommand ?? (options.applyCommands === false ? 1 : Infinity),
    };
  }

  /** Runs `change` right after the `n`-th sync from now: a co-author editing between two syncs. */
  afterSync(n: number, change: () => void): void {
    this.afterSyncHooks.set(this.syncs.length + n, change);
  }

  /** Adds (or replaces) a sheet holding `rows`; strings stay strings, as if typed into `@` cells. */
  seed(name: string, rows: CellValue[][], options: SeedOptions = {}): FakeSheet {
    const existing = this.sheets.findIndex((s) => s.name.toLowerCase() === name.toLowerCase());
    const sheet = newSheet(name);
    if (existing >= 0) this.sheets[existing] = sheet;
    else this.sheets.push(sheet);
    const at = parseCellAddress(options.at ?? 'A1') ?? { row: 0, col: 0 };
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        const format = options.formats?.[r]?.[c] ?? 'General';
        if (value === null && format === 'General') return;
        sheet.cells.set(key(at.row + r, at.col + c), { value, format });
      }),
    );
    for (const m of options.merges ?? []) {
      const box = parseRangeAddress(m);
      if (box) sheet.merges.push(box);
    }
    for (const address of options.unlocked ?? []) {
      const box = parseRangeAddress(address);
      for (let r = box?.top ?? 0; box && r <= box.bottom; r++) {
        for (let c = box.left; c <= box.right; c++) {
          const k = key(r, c);
          sheet.cells.set(k, { ...(sheet.cells.get(k) ?? { value: null, format: 'General' }), locked: false });
        }
      }
    }
    sheet.isProtected = options.isProtected ?? false;
    if (options.password !== undefined) sheet.password = options.password;
    sheet.visibility = options.visibility ?? 'visible';
    this.activeSheet ??= name;
    return sheet;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** The cell at an A1 address, or undefined when it was never set. */
  cell(sheetName: string, address: string): FakeCell | undefined {
    const p = parseCellAddress(address);
    const s = this.sheet(sheetName);
    return p && s ? s.cells.get(key(p.row, p.col)) : undefined;
  }

  /** @internal used by FakeContext */
  runSync(queue: Command[]): void {
    const record: SyncRecord = { requestBytes: 0, responseBytes: 0, commands: queue.length };
    for (const c of queue) record.requestBytes += c.bytes;
    this.syncs.push(record);
    if (record.requestBytes > this.payloadLimitBytes) {
      throw new FakeOfficeError(
        'RequestPayloadSizeLimitExceeded',
        'The request payload size has exceeded the limit.',
      );
    }
    const failure = this.failure?.sync === this.syncs.length ? this.failure : null;
    const commits: (() => void)[] = [];
    for (const [i, c] of queue.entries()) {
      if (failure && i + 1 >= failure.atCommand) throw failure.error;
      const out = c.run();
      if (out) {
        record.responseBytes += out.bytes;
        if (out.commit) commits.push(out.commit);
      }
    }
    if (failure) throw failure.error;
    if (record.responseBytes > this.payloadLimitBytes) {
      throw new FakeOfficeError(
        'ResponsePayloadSizeLimitExceeded',
        'The response payload size has exceeded the limit.',
      );
    }
    for (const commit of commits) commit();
    const hook = this.afterSyncHooks.get(this.syncs.length);
    if (hook) {
      this.afterSyncHooks.delete(this.syncs.length);
      hook();
    }
  }

  /** @internal refuses a structure change while the workbook's structure is protected. */
  requireStructureUnprotected(): void {
    if (this.isStructureProtected) {
      throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected: sheets cannot be added, moved, deleted, hidden or renamed.');
    }
  }
}

let nextSheetId = 1;
function newSheetId(): string {
  return `{FAKE-${String(nextSheetId++).padStart(8, '0')}}`;
}

function newSheet(name: string): FakeSheet {
  return {
    id: newSheetId(),
    name,
    cells: new Map(),
    merges: [],
    isProtected: false,
    visibility: 'visible',
    columnWidths: new Map(),
    rowHeights: new Map(),
    formatLog: [],
    validations: [],
    pageLayout: {},
    pageBreaks: [],
  };
}

/** The fake `RequestContext`. */
export class FakeContext {
  private queue: Command[] = [];
  private isClosed = false;
  readonly workbook: { worksheets: FakeWorksheetCollection; readonly protection: FakeWorkbookProtection };

  constructor(readonly excel: FakeExcel) {
    const protection = new FakeWorkbookProtection(this);
    const worksheets = new FakeWorksheetCollection(this);
    this.workbook = {
      worksheets,
      // Workbook.protection exists from ExcelApi 1.7; on older hosts the property is undefined.
      get protection(): FakeWorkbookProtection {
        return excel.supports(7) ? protection : (undefined as unknown as FakeWorkbookProtection);
      },
    };
  }

  hasPending(): boolean {
    return this.queue.length > 0;
  }

  /** @internal called when the `Excel.run` that made this context returns. */
  close(): void {
    this.isClosed = true;
  }

  private requireOpen(): void {
    if (this.isClosed) {
      throw new FakeOfficeError(
        'InvalidObjectPath',
        'The object path isn\'t working for what you\'re trying to do: the object was used after its Excel.run batch ended.',
      );
    }
  }

  enqueue(bytes: number, run: Command['run']): void {
    this.requireOpen();
    this.queue.push({ bytes: COMMAND_BYTES + bytes, run });
  }

  async sync(): Promise<void> {
    this.requireOpen();
    const queue = this.queue;
    this.queue = [];
    await Promise.resolve();
    this.excel.runSync(queue);
  }
}

/** `Workbook.protection` (ExcelApi 1.7): whether the structure is protected. */
class FakeWorkbookProtection {
  private loaded: boolean | undefined;

  constructor(private readonly context: FakeContext) {}

  get protected(): boolean {
    if (this.loaded === undefined) throw new FakeOfficeError('PropertyNotLoaded', "The property 'protected' is not available.");
    return this.loaded;
  }

  load(_props?: string): this {
    this.context.enqueue(0, () => {
      const value = this.context.excel.isStructureProtected;
      return { bytes: wireBytes(value), commit: () => (this.loaded = value) };
    });
    return this;
  }
}

/** Base for proxies: loaded values live here and only here. */
class FakeClientObject {
  protected readonly loaded = new Map<string, unknown>();

  constructor(protected readonly context: FakeContext) {}

  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      throw new FakeOfficeError(
        'PropertyNotLoaded',
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(prop) as T;
  }

  /** Queues a load whose snapshot is computed at sync time and delivered if the sync succeeds. */
  protected queueLoad(snapshot: () => Map<string, unknown>): void {
    this.context.enqueue(0, () => {
      const values = snapshot();
      let bytes = 0;
      for (const v of values.values()) bytes += wireBytes(v);
      return { bytes, commit: () => values.forEach((v, k) => this.loaded.set(k, v)) };
    });
  }
}

function splitProps(props: string | string[]): string[] {
  const list = Array.isArray(props) ? props : props.split(',');
  return list.map((p) => p.trim()).filter((p) => p.length > 0);
}

function notFound(what: string): FakeOfficeError {
  return new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: ${what}`);
}

/** Values may go into unlocked cells of a protected sheet, as in Excel; anything else is refused. */
function requireValuesAllowed(sheet: FakeSheet, box: RangeBox): void {
  if (!sheet.isProtected) return;
  for (let r = box.top; r <= box.bottom; r++) {
    for (let c = box.left; c <= box.right; c++) {
      if (sheet.cells.get(key(r, c))?.locked !== false) requireUnprotected(sheet);
    }
  }
}

function requireUnprotected(sheet: FakeSheet): void {
  if (sheet.isProtected) {
    throw new FakeOfficeError(
      'AccessDenied',
      'The cell or chart you are trying to change is on a protected sheet.',
    );
  }
}

export class FakeWorksheetCollection extends FakeClientObject {
  get items(): FakeWorksheet[] {
    return this.read<FakeWorksheet[]>('items');
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.excel.sheet(name) ?? null, false, name);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.excel.sheet(name) ?? null, true, name);
  }

  add(name: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    this.context.enqueue(wireBytes(name), () => {
      const excel = this.context.excel;
      excel.requireStructureUnprotected();
      if (excel.sheet(name))
        throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${name} already exists.`);
      created = newSheet(name);
      excel.sheets.push(created);
    });
    return new FakeWorksheet(this.context, () => created, false, name);
  }

  load(props: string | string[]): this {
    const paths = splitProps(props);
    this.context.enqueue(0, () => {
      const items = this.context.excel.sheets.map(
        (s) => new FakeWorksheet(this.context, () => s, false, s.name),
      );
      let bytes = 0;
      const commits: (() => void)[] = [];
      for (const item of items) {
        for (const p of paths) {
          const [head, ...rest] = p.split('/');
          if (head !== 'items' || rest.length === 0)
            throw new FakeOfficeError('InvalidArgument', `Unsupported load path ${p}`);
          const out = item.loadNow(rest.join('/'));
          bytes += out.bytes;
          commits.push(out.commit);
        }
      }
      return {
        bytes,
        commit: () => {
          commits.forEach((c) => c());
          this.loaded.set('items', items);
        },
      };
    });
    return this;
  }
}

export class FakeWorksheet extends FakeClientObject {
  readonly protection: FakeProtection;
  readonly pageLayout: FakePageLayout;
  readonly horizontalPageBreaks: { add: (address: string) => void };

  constructor(
    context: FakeContext,
    readonly resolveOrNull: () => FakeSheet | null,
    private readonly isOrNull: boolean,
    private readonly label: string,
  ) {
    super(context);
    this.protection = new FakeProtection(context, () => this.resolve());
    this.pageLayout = new FakePageLayout(context, () => this.resolve());
    this.horizontalPageBreaks = {
      add: (address: string) => {
        this.requireApi(9, 'horizontalPageBreaks');
        context.enqueue(wireBytes(address), () => {
          this.resolve().pageBreaks.push(address);
        });
      },
    };
  }

  resolve(): FakeSheet {
    const s = this.resolveOrNull();
    if (!s) throw notFound(`worksheet ${this.label}`);
    return s;
  }

  requireApi(minor: number, what: string): void {
    if (!this.context.excel.supports(minor))
      throw new TypeError(`${what} is not a function (needs ExcelApi 1.${minor})`);
  }

  get name(): string {
    return this.read('name');
  }

  get id(): string {
    return this.read('id');
  }

  get visibility(): string {
    return this.read('visibility');
  }

  set visibility(v: string) {
    this.context.enqueue(wireBytes(v), () => {
      const sheet = this.resolve();
      this.context.excel.requireStructureUnprotected();
      const next: SheetVisibility = v === 'Hidden' ? 'hidden' : v === 'VeryHidden' ? 'veryHidden' : 'visible';
      const others = this.context.excel.sheets.filter(
        (s) => s !== sheet && s.visibility === 'visible',
      ).length;
      if (next !== 'visible' && others === 0) {
        throw new FakeOfficeError(
          'InvalidOperation',
          'A workbook must contain at least one visible worksheet.',
        );
      }
      sheet.visibility = next;
    });
  }

  get isNullObject(): boolean {
    return this.read('isNullObject');
  }

  /** @internal a load executed inside another command (collection `items/...` paths). */
  loadNow(path: string): { bytes: number; commit: () => void } {
    const sheet = this.resolve();
    const [head, ...rest] = path.split('/');
    if (head === 'protection') return this.protection.loadNow(rest.join('/'));
    const value =
      head === 'name'
        ? sheet.name
        : head === 'id'
          ? sheet.id
          : head === 'visibility'
          ? { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' }[sheet.visibility]
          : undefined;
    if (value === undefined) throw new FakeOfficeError('InvalidArgument', `Unsupported property ${path}`);
    return { bytes: wireBytes(value), commit: () => this.loaded.set(head!, value) };
  }

  load(props: string | string[]): this {
    const paths = splitProps(props);
    this.queueLoad(() => {
      const out = new Map<string, unknown>();
      const s = this.resolveOrNull();
      if (this.isOrNull) out.set('isNullObject', s === null);
      if (!s) {
        if (this.isOrNull) return out;
        throw notFound(`worksheet ${this.label}`);
      }
      for (const p of paths) {
        if (p === 'name') out.set('name', s.name);
        else if (p === 'visibility')
          out.set(
            'visibility',
            { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' }[s.visibility],
          );
        else throw new FakeOfficeError('InvalidArgument', `Unsupported property ${p}`);
      }
      return out;
    });
    return this;
  }

  getRange(address: string): FakeRange {
    const box = parseRangeAddress(address);
    return new FakeRange(
      this.context,
      () => {
        if (!box) throw new FakeOfficeError('InvalidArgument', `Bad address ${address}`);
        return { sheet: this.resolve(), box };
      },
      false,
    );
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const sheet = this.resolve();
        let box: RangeBox | null = null;
        for (const [k, cell] of sheet.cells) {
          const used =
            (cell.value !== null && cell.value !== '') || (!valuesOnly && cell.format !== 'General');
          if (!used) continue;
          const r = Math.floor(k / COLS);
          const c = k % COLS;
          box = box
            ? {
                top: Math.min(box.top, r),
                left: Math.min(box.left, c),
                bottom: Math.max(box.bottom, r),
                right: Math.max(box.right, c),
              }
            : { top: r, left: c, bottom: r, right: c };
        }
        return box ? { sheet, box } : null;
      },
      true,
    );
  }

  /**
   * Worksheet.copy: a deep copy placed last, named like Excel does until renamed. The copy keeps
   * the source's protection and password (and its locked/unlocked cells).
   */
  copy(_position?: string): FakeWorksheet {
    let copied: FakeSheet | null = null;
    this.context.enqueue(0, () => {
      const src = this.resolve();
      const excel = this.context.excel;
      excel.requireStructureUnprotected();
      copied = { ...structuredClone(src), id: newSheetId(), name: `${src.name} (2)` };
      excel.sheets.push(copied);
    });
    return new FakeWorksheet(this.context, () => copied, false, `${this.label} (copy)`);
  }

  set name(v: string) {
    this.context.enqueue(wireBytes(v), () => {
      const sheet = this.resolve();
      this.context.excel.requireStructureUnprotected();
      const other = this.context.excel.sheet(v);
      if (other && other !== sheet) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${v} already exists.`);
      sheet.name = v;
    });
  }

  delete(): void {
    this.context.enqueue(0, () => {
      const sheet = this.resolve();
      const excel = this.context.excel;
      excel.requireStructureUnprotected();
      // "If the worksheet's visibility is set to VeryHidden, the delete operation will fail with an
      // InvalidOperation exception. You should first change its visibility to hidden or visible."
      if (sheet.visibility === 'veryHidden')
        throw new FakeOfficeError('InvalidOperation', 'A very hidden worksheet cannot be deleted; change its visibility first.');
      const others = excel.sheets.filter((s) => s !== sheet && s.visibility === 'visible').length;
      if (others === 0)
        throw new FakeOfficeError(
          'InvalidOperation',
          'A workbook must contain at least one visible worksheet.',
        );
      excel.sheets.splice(excel.sheets.indexOf(sheet), 1);
      if (excel.activeSheet === sheet.name)
        excel.activeSheet = excel.sheets.find((s) => s.visibility === 'visible')?.name ?? null;
    });
  }

  activate(): void {
    this.context.enqueue(0, () => {
      const sheet = this.resolve();
      if (sheet.visibility !== 'visible')
        throw new FakeOfficeError('InvalidOperation', 'Cannot activate a hidden sheet.');
      this.context.excel.activeSheet = sheet.name;
    });
  }
}

class FakeProtection extends FakeClientObject {
  constructor(
    context: FakeContext,
    private readonly resolve: () => FakeSheet,
  ) {
    super(context);
  }

  get protected(): boolean {
    return this.read('protected');
  }

  get options(): unknown {
    return this.read('options');
  }

  loadNow(path: string): { bytes: number; commit: () => void } {
    if (path !== 'protected' && path !== 'options')
      throw new FakeOfficeError('InvalidArgument', `Unsupported property protection/${path}`);
    const sheet = this.resolve();
    const value = path === 'protected' ? sheet.isProtected : structuredClone(sheet.protectOptions ?? {});
    return { bytes: wireBytes(value), commit: () => this.loaded.set(path, value) };
  }

  load(props: string | string[]): this {
    const paths = splitProps(props);
    this.queueLoad(
      () => new Map(paths.filter((p) => p === 'protected').map((p) => [p, this.resolve().isProtected])),
    );
    return this;
  }

  protect(options?: unknown, password?: string): void {
    this.context.enqueue(wireBytes(options ?? null), () => {
      const sheet = this.resolve();
      if (sheet.isProtected)
        throw new FakeOfficeError('InvalidOperation', 'The worksheet is already protected.');
      sheet.isProtected = true;
      sheet.protectOptions = options;
      if (password !== undefined) sheet.password = password;
      else delete sheet.password;
    });
  }

  unprotect(password?: string): void {
    this.context.enqueue(0, () => {
      const sheet = this.resolve();
      if (!sheet.isProtected) return;
      if (sheet.password !== undefined && sheet.password !== password) {
        throw new FakeOfficeError('InvalidArgument', 'The password you supplied is not correct.');
      }
      sheet.isProtected = false;
      delete sheet.password;
    });
  }
}

class FakePageLayout extends FakeClientObject {
  constructor(
    context: FakeContext,
    private readonly resolve: () => FakeSheet,
  ) {
    super(context);
    // Every property setter is a queued write of the sheet's page layout.
    for (const prop of [
      'orientation',
      'paperSize',
      'zoom',
      'topMargin',
      'bottomMargin',
      'leftMargin',
      'rightMargin',
    ]) {
      Object.defineProperty(this, prop, {
        get: () => this.read(prop),
        set: (v: unknown) => this.queueSet(prop, v),
      });
    }
  }

  private queueSet(prop: string, value: unknown): void {
    if (!this.context.excel.supports(9)) throw new TypeError(`pageLayout needs ExcelApi 1.9`);
    if (prop === 'zoom') {
      // PageLayoutZoomOptions: a page count is a positive number, or null when not fixed. 0 is not
      // documented, so the fake refuses it rather than let the adapter rely on it.
      const zoom = value as Record<string, unknown>;
      for (const k of ['horizontalFitToPages', 'verticalFitToPages']) {
        const n = zoom[k];
        if (n !== undefined && n !== null && !(typeof n === 'number' && n >= 1)) {
          throw new FakeOfficeError('InvalidArgument', `zoom.${k} must be a positive number or null`);
        }
      }
    }
    this.context.enqueue(wireBytes(value), () => {
      this.resolve().pageLayout[prop] = value;
    });
  }

  setPrintArea(address: string): void {
    this.queueSet('printArea', address);
  }

  setPrintTitleRows(rows: string): void {
    this.queueSet('printTitleRows', rows);
  }
}

type Resolved = { sheet: FakeSheet; box: RangeBox };

export class FakeRange extends FakeClientObject {
  readonly format: FakeRangeFormat;
  private dv: FakeDataValidation | null = null;

  constructor(
    context: FakeContext,
    private readonly resolveOrNull: () => Resolved | null,
    private readonly isOrNull: boolean,
  ) {
    super(context);
    this.format = new FakeRangeFormat(context, () => this.resolve());
  }

  resolve(): Resolved {
    const r = this.resolveOrNull();
    if (!r) throw notFound('range');
    return r;
  }

  get dataValidation(): FakeDataValidation {
    if (!this.context.excel.supports(8)) throw new TypeError('dataValidation needs ExcelApi 1.8');
    this.dv ??= new FakeDataValidation(this.context, () => this.resolve());
    return this.dv;
  }

  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  get address(): string {
    return this.read('address');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get text(): string[][] {
    return this.read('text');
  }
  get values(): CellValue[][] {
    return this.read('values');
  }
  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }

  load(props: string | string[]): this {
    const paths = splitProps(props);
    this.queueLoad(() => {
      const out = new Map<string, unknown>();
      const r = this.resolveOrNull();
      if (this.isOrNull) out.set('isNullObject', r === null);
      if (!r) {
        if (this.isOrNull) return out;
        throw notFound('range');
      }
      const { sheet, box } = r;
      const grid = <T>(f: (cell: FakeCell | undefined) => T): T[][] => {
        const rows: T[][] = [];
        for (let row = box.top; row <= box.bottom; row++) {
          const line: T[] = [];
          for (let col = box.left; col <= box.right; col++) line.push(f(sheet.cells.get(key(row, col))));
          rows.push(line);
        }
        return rows;
      };
      for (const p of paths) {
        if (p === 'address') out.set(p, `${quoteSheet(sheet.name)}!${boxAddress(box)}`);
        else if (p === 'rowCount') out.set(p, box.bottom - box.top + 1);
        else if (p === 'columnCount') out.set(p, box.right - box.left + 1);
        else if (p === 'rowIndex') out.set(p, box.top);
        else if (p === 'columnIndex') out.set(p, box.left);
        else if (p === 'values')
          out.set(
            p,
            grid((c) => (c?.value === null || c === undefined ? '' : c.value)),
          );
        else if (p === 'text') out.set(p, grid(displayText));
        else if (p === 'formulas') out.set(p, grid((c) => c?.formula ?? (c?.value === null || c === undefined ? '' : c.value)));
        else if (p === 'numberFormat')
          out.set(
            p,
            grid((c) => c?.format ?? 'General'),
          );
        else throw new FakeOfficeError('InvalidArgument', `Unsupported property ${p}`);
      }
      return out;
    });
    return this;
  }

  private checkShape(matrix: unknown[][], box: RangeBox): void {
    const rows = box.bottom - box.top + 1;
    const cols = box.right - box.left + 1;
    if (matrix.length !== rows || matrix.some((r) => r.length !== cols)) {
      throw new FakeOfficeError(
        'InvalidArgument',
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      );
    }
  }

  /** `Range.formulas`: like `values`, but a formula cell gives its formula (`=SUM(A1)`). */
  get formulas(): CellValue[][] {
    return this.read('formulas');
  }

  set formulas(matrix: CellValue[][]) {
    this.values = matrix;
  }

  set values(matrix: CellValue[][]) {
    this.context.enqueue(wireBytes(matrix), () => {
      const { sheet, box } = this.resolve();
      this.checkShape(matrix, box);
      requireValuesAllowed(sheet, box);
      matrix.forEach((row, i) =>
        row.forEach((v, j) => {
          // null leaves the cell as it is; '' clears it.
          if (v === null) return;
          const k = key(box.top + i, box.left + j);
          const cell = sheet.cells.get(k) ?? { value: null, format: 'General' };
          if (v === '') {
            cell.value = null;
            delete cell.formula;
          } else if (typeof v === 'string' && cell.format !== '@') {
            const c = coerce(v);
            cell.value = c.value;
            if (c.formula !== undefined) cell.formula = c.formula;
            else delete cell.formula;
            if (c.format !== undefined && cell.format === 'General') cell.format = c.format;
          } else {
            cell.value = v;
            delete cell.formula;
          }
          sheet.cells.set(k, cell);
        }),
      );
    });
  }

  set numberFormat(matrix: (string | null)[][]) {
    this.context.enqueue(wireBytes(matrix), () => {
      const { sheet, box } = this.resolve();
      this.checkShape(matrix, box);
      requireUnprotected(sheet);
      matrix.forEach((row, i) =>
        row.forEach((f, j) => {
          if (f === null) return;
          const k = key(box.top + i, box.left + j);
          const cell = sheet.cells.get(k) ?? { value: null, format: 'General' };
          cell.format = f === '' ? 'General' : f;
          sheet.cells.set(k, cell);
        }),
      );
    });
  }

  merge(across = false): void {
    this.context.enqueue(0, () => {
      const { sheet, box } = this.resolve();
      requireUnprotected(sheet);
      if (across) throw new FakeOfficeError('InvalidArgument', 'merge(across) is not modelled');
      // Excel keeps only the upper-left cell's value of a merged range; the others are discarded.
      for (let r = box.top; r <= box.bottom; r++) {
        for (let c = box.left; c <= box.right; c++) {
          const cell = sheet.cells.get(key(r, c));
          if ((r !== box.top || c !== box.left) && cell) {
            cell.value = null;
            delete cell.formula;
          }
        }
      }
      sheet.merges = sheet.merges.filter((m) => !overlaps(m, box));
      sheet.merges.push(box);
    });
  }

  select(): void {
    this.context.enqueue(0, () => {
      const { sheet, box } = this.resolve();
      this.context.excel.selection = { sheet: sheet.name, address: boxAddress(box) };
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    if (!this.context.excel.supports(13))
      throw new TypeError('getMergedAreasOrNullObject is not a function (ExcelApi 1.13)');
    return new FakeRangeAreas(this.context, () => {
      const { sheet, box } = this.resolve();
      const found = sheet.merges.filter((m) => overlaps(m, box));
      if (found.length > 512) throw new FakeOfficeError('GeneralException', 'More than 512 merged areas.');
      return found.length === 0 ? null : { sheet, areas: found };
    });
  }
}

export class FakeRangeAreas extends FakeClientObject {
  constructor(
    context: FakeContext,
    private readonly resolveOrNull: () => { sheet: FakeSheet; areas: RangeBox[] } | null,
  ) {
    super(context);
  }

  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  get address(): string {
    return this.read('address');
  }

  load(props: string | string[]): this {
    const paths = splitProps(props);
    this.queueLoad(() => {
      const r = this.resolveOrNull();
      const out = new Map<string, unknown>([['isNullObject', r === null]]);
      if (r && paths.includes('address')) {
        out.set('address', r.areas.map((a) => `${quoteSheet(r.sheet.name)}!${boxAddress(a)}`).join(', '));
      }
      return out;
    });
    return this;
  }
}

/** `Range.format.protection`: `locked` is true, false, or null when the range is mixed. */
class FakeFormatProtection extends FakeClientObject {
  constructor(
    context: FakeContext,
    private readonly resolve: () => Resolved,
  ) {
    super(context);
  }

  get locked(): boolean | null {
    return this.read('locked');
  }

  load(_props?: string): this {
    this.queueLoad(() => {
      const { sheet, box } = this.resolve();
      const seen = new Set<boolean>();
      for (let r = box.top; r <= box.bottom; r++) {
        for (let c = box.left; c <= box.right; c++) seen.add(sheet.cells.get(key(r, c))?.locked !== false);
      }
      return new Map([['locked', seen.size === 1 ? [...seen][0]! : null]]);
    });
    return this;
  }
}

class FakeRangeFormat {
  readonly protection: FakeFormatProtection;
  readonly font: Record<string, unknown>;
  readonly fill: Record<string, unknown>;
  readonly borders: { getItem: (edge: string) => { style: string } };

  constructor(
    private readonly context: FakeContext,
    private readonly resolve: () => Resolved,
  ) {
    this.protection = new FakeFormatProtection(context, resolve);
    this.font = this.setterObject('font', ['bold', 'name', 'size', 'color']);
    this.fill = this.setterObject('fill', ['color']);
    this.borders = {
      getItem: (edge: string) => this.setterObject(`borders.${edge}`, ['style']) as { style: string },
    };
  }

  private log(prop: string, value: unknown, apply?: (r: Resolved) => void): void {
    this.context.enqueue(wireBytes(value), () => {
      const r = this.resolve();
      requireUnprotected(r.sheet);
      r.sheet.formatLog.push({ address: boxAddress(r.box), prop, value });
      apply?.(r);
    });
  }

  private setterObject(prefix: string, props: string[]): Record<string, unknown> {
    const o: Record<string, unknown> = {};
    for (const p of props) {
      Object.defineProperty(o, p, {
        get: () => {
          throw new FakeOfficeError('PropertyNotLoaded', `format.${prefix}.${p} was not loaded`);
        },
        set: (v: unknown) => this.log(`${prefix}.${p}`, v),
      });
    }
    return o;
  }

  set wrapText(v: boolean) {
    this.log('wrapText', v);
  }
  set horizontalAlignment(v: string) {
    this.log('horizontalAlignment', v);
  }
  set verticalAlignment(v: string) {
    this.log('verticalAlignment', v);
  }
  set columnWidth(v: number) {
    this.log('columnWidth', v, ({ sheet, box }) => {
      for (let c = box.left; c <= box.right; c++) sheet.columnWidths.set(c, v);
    });
  }
  set rowHeight(v: number) {
    this.log('rowHeight', v, ({ sheet, box }) => {
      for (let r = box.top; r <= box.bottom; r++) sheet.rowHeights.set(r, v);
    });
  }
}

class FakeDataValidation {
  constructor(
    private readonly context: FakeContext,
    private readonly resolve: () => Resolved,
  ) {}

  private entry(): { address: string; rule?: unknown; prompt?: unknown; errorAlert?: unknown } {
    const { sheet, box } = this.resolve();
    requireUnprotected(sheet);
    const address = boxAddress(box);
    let e = sheet.validations.find((v) => v.address === address);
    if (!e) {
      e = { address };
      sheet.validations.push(e);
    }
    return e;
  }

  clear(): void {
    this.context.enqueue(0, () => {
      const { sheet, box } = this.resolve();
      sheet.validations = sheet.validations.filter((v) => v.address !== boxAddress(box));
    });
  }

  set rule(rule: unknown) {
    this.context.enqueue(wireBytes(rule), () => {
      this.entry().rule = rule;
    });
  }

  set prompt(prompt: unknown) {
    this.context.enqueue(wireBytes(prompt), () => {
      this.entry().prompt = prompt;
    });
  }

  set errorAlert(alert: unknown) {
    this.context.enqueue(wireBytes(alert), () => {
      this.entry().errorAlert = alert;
    });
  }
}
