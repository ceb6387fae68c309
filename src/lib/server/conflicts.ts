/**
 * Where published sources disagree (DATA_DIR/conflicts.csv, written by scripts/build-dataset.ts):
 * for each region, indicator and year with more than one printed number, the value kept, the
 * others set aside, and why. Read once; the indicator page lists them beside the values, so a
 * reader sees a disagreement rather than only our choice.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { config } from './config';
import { readCsvRows } from './data-files';

export interface Conflict {
	regionCode: string;
	indicatorCode: string;
	year: number;
	value: number;
	source: string;
	sourceKind: string;
	referencePeriod: string;
	/** `used`: the value shown; `not_used`: read in a source but set aside. */
	status: 'used' | 'not_used';
	reasonId: string;
	reasonEn: string;
}

const cache = new Map<string, Conflict[]>();

/** Every recorded disagreement of the data folder ([] when it has no conflicts.csv). */
export function conflicts(dataDir = config().dataDir): Conflict[] {
	const hit = cache.get(dataDir);
	if (hit) return hit;
	const file = path.join(dataDir, 'conflicts.csv');
	const rows = existsSync(file) ? readCsvRows(file) : [];
	const list = rows.map((r) => ({
		regionCode: r.region_code,
		indicatorCode: r.indicator_code,
		year: Number(r.year),
		value: Number(r.value),
		source: r.source,
		sourceKind: r.source_kind,
		referencePeriod: r.reference_period,
		status: r.status === 'used' ? ('used' as const) : ('not_used' as const),
		reasonId: r.reason_id,
		reasonEn: r.reason_en
	}));
	cache.set(dataDir, list);
	return list;
}

/** The disagreements about one indicator in the given regions, by region and year. */
export function conflictsOf(indicator: string, regions: readonly string[]): Conflict[] {
	const wanted = new Set(regions);
	return conflicts().filter((c) => c.indicatorCode === indicator && wanted.has(c.regionCode));
}
