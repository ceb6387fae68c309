import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '$lib/paraglide/runtime';

// /en/dimensions/economy is served by the same route as /dimensions/economy.
export const reroute: Reroute = (request) => deLocalizeUrl(request.url).pathname;
