/**
 * The settings sheet: very hidden, so that the CLI, the page and the add-in read the same bureau
 * settings (columns A:B, `src/core/plan`) and table choices (columns D:F, `src/core/tables`). Its name
 * lives here, below both, so that neither layer imports the other for it.
 */

/** The settings sheet's name. */
export const SETTINGS_SHEET = '_ssj_settings';
