import type { Reroute, Transport } from '@sveltejs/kit';
import { deLocalizeUrl } from '$lib/paraglide/runtime';
import { serverOnlyTransport } from '$lib/server-only';

// /en/dimensions/economy is served by the same route as /dimensions/economy.
export const reroute: Reroute = (request) => deLocalizeUrl(request.url).pathname;

// Data of pages that are not hydrated stays on the server ($lib/server-only).
export const transport: Transport = { ServerOnly: serverOnlyTransport };
