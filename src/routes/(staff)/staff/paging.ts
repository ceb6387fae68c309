/** Paging of the staff lists (imports history, audit log) by `?page=`. Pure: no SvelteKit. */

/**
 * The page asked for in `?page=`, kept within 1…pages (anything but a whole number reads as page 1),
 * the number of pages (at least one, so an empty list still has a page) and the first row's offset.
 * Example: `pageOf(new URL('https://x/?page=9'), 45, 20)` → `{ page: 3, pages: 3, offset: 40 }`.
 */
export function pageOf(url: URL, total: number, size: number) {
	const pages = Math.max(1, Math.ceil(total / size));
	const requested = Number(url.searchParams.get('page') ?? '1');
	const page = Number.isInteger(requested) ? Math.min(Math.max(requested, 1), pages) : 1;
	return { page, pages, offset: (page - 1) * size };
}
