/**
 * Reference data of the workspace, read from DATA_DIR once and cached: the Kominfo instrument
 * (data/instrument/) and the SPBE criteria per indicator and level (data/spbe/).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
	InstrumentDataError,
	parseInstrument,
	parseParts,
	parseWeightSets,
	type InstrumentPart,
	type InstrumentItem,
	type WeightSet
} from '../../submission/instrument';
import { readCsvRows } from '../data-files';

export interface Instrument {
	parts: InstrumentPart[];
	/** Each year's questions (kominfo-instrument-<year>.csv), in the report's order. */
	years: Map<number, InstrumentItem[]>;
	weightSets: WeightSet[];
}

const INSTRUMENT_FILE = /^kominfo-instrument-(\d{4})\.csv$/;

export interface SpbeLevelCriteria {
	level: number;
	/** Generic level name (process or service capability). */
	name: string;
	/** The indicator's own criteria for this level (PermenPANRB 59/2020). */
	criteria: string;
	/** What the 2024 guidebook expects to be fulfilled and as evidence. */
	fulfilment: string;
	evidence: string;
}

export interface SpbeIndicatorReference {
	no: number;
	description: string;
	levels: SpbeLevelCriteria[];
}

const instruments = new Map<string, Instrument>();
const spbe = new Map<string, Map<string, SpbeIndicatorReference>>();

/**
 * The instrument files of a data folder: adding a year is adding its kominfo-instrument-<year>.csv
 * and the weight sets that score it. A weight set whose instrument year has no file is an error.
 */
export function instrument(dataDir: string): Instrument {
	let hit = instruments.get(dataDir);
	if (!hit) {
		const dir = path.join(dataDir, 'instrument');
		const read = (f: string) => readFileSync(path.join(dir, f), 'utf8');
		const years = new Map<number, InstrumentItem[]>();
		for (const file of readdirSync(dir).sort()) {
			const year = INSTRUMENT_FILE.exec(file)?.[1];
			if (!year) continue;
			const items = parseInstrument(read(file), file);
			const other = items.find((i) => i.year !== Number(year));
			if (other) {
				throw new InstrumentDataError(
					`${file}: item ${other.code} says year ${other.year}; every row of this file is ${year}.`
				);
			}
			years.set(Number(year), items);
		}
		const weightSets = parseWeightSets(read('kominfo-weights.csv'));
		for (const set of weightSets) {
			if (!years.has(set.instrumentYear)) {
				throw new InstrumentDataError(
					`kominfo-weights.csv: weight set ${set.code} scores the ${set.instrumentYear} instrument, but there is no kominfo-instrument-${set.instrumentYear}.csv.`
				);
			}
		}
		hit = { parts: parseParts(read('kominfo-dimensions.csv')), years, weightSets };
		instruments.set(dataDir, hit);
	}
	return hit;
}

/** The questions a weight set scores; [] for an unknown set. */
export function instrumentItems(inst: Instrument, weightSet: string | null): InstrumentItem[] {
	const set = inst.weightSets.find((w) => w.code === weightSet);
	return set ? (inst.years.get(set.instrumentYear) ?? []) : [];
}

/**
 * Criteria and expected evidence of every SPBE indicator by code (`spbe_i01` … `spbe_i47`).
 * Indicators 1–31 use process capability names, 32–47 service capability (PermenPANRB 59/2020).
 */
export interface SpbeLevel {
	level: number;
	processName: string;
	processCriteria: string;
	serviceName: string;
	serviceCriteria: string;
}

const levelsCache = new Map<string, SpbeLevel[]>();

/** The regulation's generic level definitions (Tabel 1 and 2), level 1 to 5. */
export function spbeLevels(dataDir: string): SpbeLevel[] {
	let hit = levelsCache.get(dataDir);
	if (!hit) {
		hit = readCsvRows(path.join(dataDir, 'spbe', 'spbe-2020-levels.csv')).map((r) => ({
			level: Number(r.level),
			processName: r.process_name,
			processCriteria: r.process_criteria,
			serviceName: r.service_name,
			serviceCriteria: r.service_criteria
		}));
		levelsCache.set(dataDir, hit);
	}
	return hit;
}

export function spbeReference(dataDir: string): Map<string, SpbeIndicatorReference> {
	let hit = spbe.get(dataDir);
	if (hit) return hit;
	const dir = path.join(dataDir, 'spbe');
	const generic = spbeLevels(dataDir);
	const criteria = readCsvRows(path.join(dir, 'spbe-2020-level-criteria.csv'));
	const evidence = readCsvRows(path.join(dir, 'spbe-2024-evidence.csv'));
	const descriptions = readCsvRows(path.join(dir, 'spbe-2024-descriptions.csv'));
	hit = new Map();
	for (let no = 1; no <= 47; no++) {
		const levels: SpbeLevelCriteria[] = [1, 2, 3, 4, 5].map((level) => {
			const g = generic.find((r) => r.level === level);
			const c = criteria.find((r) => Number(r.indicator_no) === no && Number(r.level) === level);
			const e = evidence.find((r) => Number(r.indicator_no) === no && Number(r.level) === level);
			return {
				level,
				name: (no <= 31 ? g?.processName : g?.serviceName) ?? '',
				criteria: c?.criteria ?? '',
				fulfilment: e?.fulfilment_criteria ?? '',
				evidence: e?.evidence ?? ''
			};
		});
		hit.set(`spbe_i${String(no).padStart(2, '0')}`, {
			no,
			description: descriptions.find((r) => Number(r.indicator_no) === no)?.description ?? '',
			levels
		});
	}
	spbe.set(dataDir, hit);
	return hit;
}
