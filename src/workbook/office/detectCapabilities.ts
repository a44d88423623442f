/**
 * Which Excel JavaScript API requirement sets the host supports, and what the user loses on an
 * older Excel. The task pane shows `unavailable` so that people on Excel 2016/2019 know why a
 * feature is missing instead of meeting an English Office error mid-batch.
 */

/** The requirement sets the task pane reports. */
export type ExcelApiVersion = '1.7' | '1.8' | '1.9' | '1.10' | '1.11' | '1.12' | '1.13';

/** Host features the adapter uses that need more than the baseline (ExcelApi 1.4). */
export type OfficeFeature = 'workbook' | 'sheetPassword' | 'listValidation' | 'pageSetup' | 'readMerges';

/** Anything with Office's `isSetSupported` (usually `Office.context.requirements`). */
export type RequirementChecker = { isSetSupported(name: string, version: string): boolean };

export type UnavailableFeature = {
  feature: OfficeFeature;
  /** The ExcelApi version the feature needs. */
  requires: string;
  /** Chinese text for the task pane. */
  message: string;
};

export type Capabilities = {
  /** Support for each ExcelApi version from 1.7 to 1.13. */
  excelApi: Record<ExcelApiVersion, boolean>;
  /** Whether each feature is available. */
  features: Record<OfficeFeature, boolean>;
  /** The features that are not, with a Chinese explanation each. */
  unavailable: UnavailableFeature[];
};

export const EXCEL_API_VERSIONS: readonly ExcelApiVersion[] = [
  '1.7',
  '1.8',
  '1.9',
  '1.10',
  '1.11',
  '1.12',
  '1.13',
];

/** What each feature needs; the messages name the Excel versions that have it. */
export const FEATURE_REQUIREMENTS: Readonly<Record<OfficeFeature, { requires: string; message: string }>> = {
  workbook: {
    requires: '1.4',
    message: '读写工作表需要 ExcelApi 1.4（Excel 2016 更新版、Excel 2019 或 Microsoft 365），请升级 Excel。',
  },
  sheetPassword: {
    requires: '1.7',
    message: '带密码保护或撤销保护工作表需要 ExcelApi 1.7（Excel 2019 或 Microsoft 365）。',
  },
  listValidation: {
    requires: '1.8',
    message: '设置下拉列表（数据验证）需要 ExcelApi 1.8（Excel 2019 或 Microsoft 365）。',
  },
  pageSetup: {
    requires: '1.9',
    message:
      '页面设置（纸张、方向、打印区域）需要 ExcelApi 1.9（Excel 2021 或 Microsoft 365），当前版本将跳过页面设置。',
  },
  readMerges: {
    requires: '1.13',
    message:
      '读取合并单元格需要 ExcelApi 1.13（Microsoft 365 较新版本），当前版本读取时将视为没有合并单元格。',
  },
};

function isSupported(requirements: RequirementChecker, version: string): boolean {
  try {
    return requirements.isSetSupported('ExcelApi', version);
  } catch {
    // Some hosts throw for unknown sets instead of returning false; either way it is unsupported.
    return false;
  }
}

/**
 * Reports the supported ExcelApi versions and the features the host lacks.
 * @param requirements usually `Office.context.requirements`
 * @returns versions 1.7 … 1.13, per-feature flags and Chinese explanations of what is missing
 * @example
 * detectCapabilities({ isSetSupported: (_n, v) => Number(v.split('.')[1]) <= 8 }).unavailable[0]?.feature
 * // 'pageSetup'
 */
export function detectCapabilities(requirements: RequirementChecker): Capabilities {
  const excelApi = Object.fromEntries(
    EXCEL_API_VERSIONS.map((v) => [v, isSupported(requirements, v)]),
  ) as Record<ExcelApiVersion, boolean>;
  const features = {} as Record<OfficeFeature, boolean>;
  const unavailable: UnavailableFeature[] = [];
  for (const [feature, req] of Object.entries(FEATURE_REQUIREMENTS) as [
    OfficeFeature,
    (typeof FEATURE_REQUIREMENTS)[OfficeFeature],
  ][]) {
    const ok = isSupported(requirements, req.requires);
    features[feature] = ok;
    if (!ok) unavailable.push({ feature, requires: req.requires, message: req.message });
  }
  return { excelApi, features, unavailable };
}
