/**
 * Page data for a page that is not hydrated (`export const csr = false`): its server render reads
 * it and no browser ever does. SvelteKit still serialises every server load's data (devalue) on
 * each render, needed or not — on `/`, an eighth of the render (node --cpu-prof of the built server
 * under autocannon with Cache-Control: no-cache). Wrapped in ServerOnly, the data reaches the
 * server render as it is, and the transport hook (src/hooks.ts) writes nothing in its place.
 *
 * A page that wraps its data must not be rendered in the browser: in a client-side navigation its
 * data arrives as null. The root layout sends links to such pages to a full page load
 * (NOT_HYDRATED in $lib/not-hydrated).
 */
export class ServerOnly<T> {
	constructor(readonly value: T) {}
}

/** The transport hook's entry: claims every ServerOnly and sends nothing for it. */
export const serverOnlyTransport = {
	encode: (value: unknown): false | [] => value instanceof ServerOnly && [],
	decode: (): null => null
};
