/**
 * Keyboard movement inside a chart that is one Tab stop (roving tabindex, WAI-ARIA APG): which
 * item an arrow key, Home or End moves focus to. Pure module; the focus itself is moved by
 * ChartSvg and RegionMap, and roving.svelte.ts keeps which item holds the Tab stop.
 */

/** The keys a chart handles; any other key keeps its usual meaning (Tab, Enter, Space, …). */
export const ROVING_KEYS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'];

/**
 * The index focus moves to from item `index` of `count` on `key`, or null when the key is not a
 * roving key (or there is nothing to move to). Left/Up go back one and Right/Down forward one; in
 * a grid (`columns` > 1, items in rows), Up/Down move one row and Left/Right stay in the row.
 * Home and End go to the first and last item. Focus stops at the ends instead of wrapping, so a
 * reader can tell where the chart ends. An index outside the list (nothing focused yet) counts as
 * before the first item.
 * @example rovingIndex('ArrowRight', 0, 3) === 1; rovingIndex('ArrowDown', 1, 6, 3) === 4; rovingIndex('Tab', 0, 3) === null
 */
export function rovingIndex(key: string, index: number, count: number, columns = 0): number | null {
	if (count <= 0 || !ROVING_KEYS.includes(key)) return null;
	const n = Math.trunc(count);
	if (key === 'Home') return 0;
	if (key === 'End') return n - 1;
	if (!(index >= 0 && index < n)) return 0;
	const grid = columns > 1 ? Math.trunc(columns) : 0;
	const col = grid ? index % grid : 0;
	switch (key) {
		case 'ArrowLeft':
			return grid && col === 0 ? index : Math.max(0, index - 1);
		case 'ArrowRight':
			return grid && (col === grid - 1 || index === n - 1) ? index : Math.min(n - 1, index + 1);
		case 'ArrowUp':
			return grid ? (index - grid >= 0 ? index - grid : index) : Math.max(0, index - 1);
		default:
			return grid ? (index + grid < n ? index + grid : index) : Math.min(n - 1, index + 1);
	}
}
