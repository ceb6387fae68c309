/**
 * The pages rendered on the server only (`csr = false`), by path without the language prefix. A
 * client-side navigation to one would render it in the browser, without its own script and
 * without its data (ServerOnly): the root layout makes such a navigation a full page load.
 */
export const NOT_HYDRATED: ReadonlySet<string> = new Set(['/']);
