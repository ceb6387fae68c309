import { illustrativeShown } from '$lib/server/dataset';
import type { LayoutServerLoad } from './$types';

/** The banner every page carries when it may show invented numbers (the opt-in demo). */
export const load = (() => ({ demo: illustrativeShown() })) satisfies LayoutServerLoad;
