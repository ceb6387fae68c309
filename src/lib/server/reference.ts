/**
 * Reference texts that ship with the data folder and never change at run time (the SPBE level
 * definitions of PermenPANRB 59/2020), read once from DATA_DIR.
 */
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { config } from './config';

export interface SpbeLevel {
	level: number;
	processName: string;
	processCriteria: string;
	serviceName: string;
	serviceCriteria: string;
}

let levels: SpbeLevel[] | undefined;

/** The regulation's generic level definitions (Tabel 1 and 2), level 1 to 5. */
export function spbeLevels(dataDir = config().dataDir): SpbeLevel[] {
	if (levels) return levels;
	const text = readFileSync(path.join(dataDir, 'spbe', 'spbe-2020-levels.csv'), 'utf8');
	const parsed = Papa.parse<Record<string, string>>(text, {
		header: true,
		skipEmptyLines: 'greedy',
		dynamicTyping: false
	});
	levels = parsed.data.map((r) => ({
		level: Number(r.level),
		processName: r.process_name,
		processCriteria: r.process_criteria,
		serviceName: r.service_name,
		serviceCriteria: r.service_criteria
	}));
	return levels;
}
