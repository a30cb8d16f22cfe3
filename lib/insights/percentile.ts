/**
 * The p-quantile (0..1) of sorted values by linear interpolation between closest ranks (what spreadsheets'
 * PERCENTILE and numpy's default do): the median of [1, 2, 3, 4] is 2.5. null for no values.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = p * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}
