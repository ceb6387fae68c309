/**
 * The codes the API's filters may name, read once per request: an unknown region, indicator,
 * framework or dimension is a 404 naming it, never a silently empty list.
 */
import { ApiNotFound } from '$lib/server/api';
import type { Db } from '$lib/server/db';
import * as frameworks from '$lib/server/db/frameworks';
import * as indicators from '$lib/server/db/indicators';
import * as regions from '$lib/server/db/regions';

export interface Refs {
	regions: Set<string>;
	frameworks: Set<string>;
	/** Indicator code → its framework and dimension. */
	indicators: Map<string, { framework: string; dimension: string | null }>;
	dimensions: Set<string>;
}

export function loadRefs(db: Db): Refs {
	const list = indicators.list(db);
	return {
		regions: new Set(regions.list(db).map((r) => r.code)),
		frameworks: new Set(frameworks.list(db).map((f) => f.code)),
		indicators: new Map(
			list.map((i) => [i.code, { framework: i.frameworkCode, dimension: i.dimensionCode }])
		),
		dimensions: new Set(list.map((i) => i.dimensionCode).filter((d): d is string => d !== null))
	};
}

/** Throws ApiNotFound for a filter value that names nothing. */
export function requireKnown(
	refs: Refs,
	q: { region?: string; indicator?: string; framework?: string; dimension?: string }
) {
	if (q.region !== undefined && !refs.regions.has(q.region))
		throw new ApiNotFound(`Unknown region "${q.region}".`);
	if (q.indicator !== undefined && !refs.indicators.has(q.indicator))
		throw new ApiNotFound(`Unknown indicator "${q.indicator}".`);
	if (q.framework !== undefined && !refs.frameworks.has(q.framework))
		throw new ApiNotFound(`Unknown framework "${q.framework}".`);
	if (q.dimension !== undefined && !refs.dimensions.has(q.dimension))
		throw new ApiNotFound(`Unknown dimension "${q.dimension}".`);
}

/** A row filter on indicator code by framework and dimension (both optional). */
export function indicatorFilter(refs: Refs, q: { framework?: string; dimension?: string }) {
	return (code: string) => {
		const i = refs.indicators.get(code);
		if (!i) return false;
		if (q.framework !== undefined && i.framework !== q.framework) return false;
		if (q.dimension !== undefined && i.dimension !== q.dimension) return false;
		return true;
	};
}
