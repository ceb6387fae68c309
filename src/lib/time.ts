/** How the staff pages and the print view show a stored time. Pure: no SvelteKit. */

/**
 * A stored ISO time (UTC) as the pages show it: date and time to the minute, or to the second;
 * nothing for a missing time. Example: `timestamp('2025-03-01T08:05:09.123Z')` → `'2025-03-01 08:05'`,
 * `timestamp('2025-03-01T08:05:09.123Z', 'second')` → `'2025-03-01 08:05:09'`.
 */
export function timestamp(
	iso: string | null | undefined,
	to: 'minute' | 'second' = 'minute'
): string {
	return (iso ?? '').slice(0, to === 'minute' ? 16 : 19).replace('T', ' ');
}
