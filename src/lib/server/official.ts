/**
 * Published evaluation results (DATA_DIR/official/), read once: Kominfo's 2022 smart-city
 * evaluation of the KPPN/IKN cohort. These are the ministry's numbers, never mixed into this
 * project's scores; pages label them as Kominfo's and name the letter (KOMINFO_2022_SOURCE).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseKominfoEvaluation, type KominfoEvaluation } from '../evaluation/kominfo';
import { config } from './config';

export const KOMINFO_2022_FILE = path.join('official', 'kominfo-evaluation-2022.csv');

const cache = new Map<string, KominfoEvaluation | null>();

/** The parsed 2022 results, or null when the data folder has none (another instance). */
export function kominfo2022(dataDir = config().dataDir): KominfoEvaluation | null {
	if (cache.has(dataDir)) return cache.get(dataDir)!;
	const file = path.join(dataDir, KOMINFO_2022_FILE);
	const parsed = existsSync(file) ? parseKominfoEvaluation(readFileSync(file, 'utf8')) : null;
	cache.set(dataDir, parsed);
	return parsed;
}
