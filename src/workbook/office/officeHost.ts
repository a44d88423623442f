/**
 * How the Office adapter reaches Excel: `Excel.run` and the host's requirement sets, looked up when
 * a method is called (so that the module loads where Office.js is absent, e.g. in Jest), plus the
 * small translations between Office.js and the port.
 */
import { WorkbookError } from '../port';
import type { SheetVisibility } from '../port';
import { detectCapabilities, FEATURE_REQUIREMENTS } from './detectCapabilities';
import type { Capabilities, OfficeFeature, RequirementChecker } from './detectCapabilities';

/** A batch function given a fresh request context; proxies from it are dead once it returns. */
export type WithContext = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** What the adapter's parts share: a way to run a batch and the host's capabilities. */
export type OfficeHost = {
  withContext: WithContext;
  /** The host's capabilities; throws a Chinese `WorkbookError` when Office.js is absent or too old. */
  capabilities(): Capabilities;
};

function notInExcel(): WorkbookError {
  return new WorkbookError('未在 Excel 中运行：找不到 Office.js。', 'NO_HOST');
}

/**
 * The host behind `Excel.run` and `Office.context.requirements`, or the given replacements (tests).
 * @example const host = createOfficeHost(); await host.withContext(async (ctx) => ctx.sync());
 */
export function createOfficeHost(run?: typeof Excel.run, requirements?: RequirementChecker): OfficeHost {
  const getRun = (): typeof Excel.run => {
    if (run) return run;
    if (typeof Excel !== 'undefined') return Excel.run;
    throw notInExcel();
  };
  return {
    withContext: (batch) => getRun()(batch),
    capabilities: () => {
      let req = requirements;
      if (!req) {
        if (typeof Office === 'undefined') throw notInExcel();
        req = Office.context.requirements;
      }
      const caps = detectCapabilities(req);
      if (!caps.features.workbook) throw unsupported('workbook');
      return caps;
    },
  };
}

/** The Chinese refusal for a feature the host lacks. */
export function unsupported(feature: OfficeFeature): WorkbookError {
  return new WorkbookError(FEATURE_REQUIREMENTS[feature].message, 'UNSUPPORTED_API');
}

/** The `code` of an Office error (`Excel.ErrorCodes`), if it is one. */
export function officeCode(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'code' in e) {
    const code = (e as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** Excel's visibility names to the port's. */
export function toVisibility(v: string): SheetVisibility {
  if (v === 'Hidden') return 'hidden';
  if (v === 'VeryHidden') return 'veryHidden';
  return 'visible';
}

/** The port's visibility names to Excel's (string literals: the `Excel` enums exist only inside Office). */
export function toExcelVisibility(v: SheetVisibility): 'Visible' | 'Hidden' | 'VeryHidden' {
  if (v === 'hidden') return 'Hidden';
  if (v === 'veryHidden') return 'VeryHidden';
  return 'Visible';
}
