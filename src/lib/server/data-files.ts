/**
 * Reading the data folder's reference CSVs (DATA_DIR: conflicts, official results, SPBE texts):
 * UTF-8 with or without a BOM, a header row, comma-separated, every cell kept as text.
 */
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';

/** The rows of a CSV file as header → text records. */
export function readCsvRows(file: string): Record<string, string>[] {
	return Papa.parse<Record<string, string>>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), {
		header: true,
		delimiter: ',',
		dynamicTyping: false,
		skipEmptyLines: 'greedy'
	}).data;
}
