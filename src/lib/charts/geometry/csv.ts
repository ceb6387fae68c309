/**
 * The link a chart's data download sits behind, and its file names. The CSV itself is written by
 * `$lib/downloads/sheet` (the same table as the XLSX, in the page's language) through the one CSV
 * writer (`$lib/csv/write`: quoting, CRLF line ends, formula guard).
 */

/**
 * A data: URL that downloads a CSV file without JavaScript; the text carries its own BOM.
 * @example csvDataUri('\uFEFFa;b') === 'data:text/csv;charset=utf-8,%EF%BB%BFa%3Bb'
 */
export function csvDataUri(csv: string): string {
	return `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
}

/**
 * A file name from a chart title: lower case ASCII, words joined by '-', at most 60 characters.
 * @example fileSlug('Skor dimensi — Pati 2024') === 'skor-dimensi-pati-2024'
 */
export function fileSlug(title: string): string {
	const slug = title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return slug || 'chart';
}
