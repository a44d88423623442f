/** Percentages typed into the pane's forms, read without floating point. */
import { formatBasisPoints, parseRatio } from '../core/rules';

/**
 * The percentage typed (`5`, `12.5`, `5%`) in basis points, or null when it is not one in (0, 100].
 * @example percentToBasisPoints('12.5') // 1250
 */
export function percentToBasisPoints(text: string): number | null {
  const t = text.trim().replace(/[%％]$/, '');
  if (t === '') return null;
  const r = parseRatio(`${t}%`);
  return r.ok && r.value.kind === 'plain' ? r.value.basisPoints : null;
}

/**
 * Basis points as the number a form field shows (no % sign).
 * @example basisPointsToPercent(1250) // '12.5'
 */
export function basisPointsToPercent(basisPoints: number): string {
  return formatBasisPoints(basisPoints).replace(/%$/, '');
}
