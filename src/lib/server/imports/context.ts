/**
 * The validation context of an import: the codes a file's foreign keys may point at, as the
 * database holds them now. Read once per import, before its transaction.
 */
import { emptyContext, type RegionKind, type ValidationContext } from '../../import';
import type { Connection } from '../db';
import { referenceKeys } from '../db/imports';

/** What foreign keys may point at, read from the database (small tables: read whole). */
export function contextFromDb(conn: Connection): ValidationContext {
	const ctx = emptyContext();
	const keys = referenceKeys(conn);
	for (const r of keys.regions) {
		const code = String(r.code);
		ctx.regions.add(code);
		// Names too, for a file that names its regions (`Kab. Pati`) instead of giving codes.
		ctx.regionNames?.set(code, {
			name: String(r.name),
			kind: r.kind as RegionKind,
			bpsCode: r.bps_code === null ? null : String(r.bps_code)
		});
	}
	for (const r of keys.frameworks) ctx.frameworks.add(String(r.code));
	for (const r of keys.nodes) {
		const f = String(r.f);
		let set = ctx.nodes.get(f);
		if (!set) ctx.nodes.set(f, (set = new Set()));
		set.add(String(r.code));
	}
	for (const r of keys.indicators) {
		ctx.indicators.set(String(r.code), {
			valueType: r.value_type as never,
			unit: String(r.unit ?? ''),
			method: r.method as never,
			worst: r.worst,
			best: r.best,
			frameworkCode: String(r.framework_code)
		});
	}
	return ctx;
}
