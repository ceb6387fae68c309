/**
 * The validation context: what foreign keys may point at. The caller fills it from the database
 * and, during a multi-file load (the bundled seed), adds each file's rows before the next file.
 */
import type { ImportKind, RowOf, ValidationContext } from './types';

/** A context with nothing known: `emptyContext().regions.size === 0`. */
export function emptyContext(): ValidationContext {
	return {
		regions: new Set(),
		regionNames: new Map(),
		frameworks: new Set(),
		nodes: new Map(),
		indicators: new Map()
	};
}

/**
 * Adds validated rows of one kind to a context, so later files may refer to them:
 * `addRowsToContext(ctx, 'regions', report.rows)` makes their codes known regions, and their
 * names too (for a later file that names its regions).
 * Observations and targets are nothing's foreign key and add nothing.
 */
export function addRowsToContext<K extends ImportKind>(
	context: ValidationContext,
	kind: K,
	rows: readonly RowOf<K>[]
): ValidationContext {
	for (const row of rows as readonly RowOf<ImportKind>[]) {
		if (kind === 'regions' && 'kind' in row) {
			context.regions.add(row.code);
			(context.regionNames ??= new Map()).set(row.code, {
				name: row.name,
				kind: row.kind,
				bpsCode: row.bpsCode
			});
		} else if (kind === 'frameworks' && 'yearFrom' in row) context.frameworks.add(row.code);
		else if (kind === 'nodes' && 'level' in row) {
			let set = context.nodes.get(row.frameworkCode);
			if (!set) context.nodes.set(row.frameworkCode, (set = new Set()));
			set.add(row.code);
		} else if (kind === 'indicators' && 'valueType' in row)
			context.indicators.set(row.code, {
				valueType: row.valueType,
				unit: row.unit,
				method: row.method,
				worst: row.worst,
				best: row.best,
				frameworkCode: row.frameworkCode
			});
	}
	return context;
}
