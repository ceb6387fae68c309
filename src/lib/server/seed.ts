/**
 * Seeds an empty database from the data folder, through the same validator as every import, so a
 * malformed seed file stops start-up with its file, row and column instead of loading half a dataset.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
	addRowsToContext,
	emptyContext,
	validateCsv,
	type ImportError,
	type ImportKind,
	type RowOf,
	type ValidationContext
} from '../import';
import { parseProfile, ProfileError, serialiseSettings } from '../scoring/profile';
import type { Connection } from './db';
import { hasSeed } from './db/import-history';
import { commitBatch, RowRejected, type LoadBatch } from './db/imports';
import { toBatch } from './imports/records';

/**
 * The seed files in load order: each may refer to the ones before it. The regions come in three
 * files, one row in exactly one of them: the province (regions.csv), its kabupaten/kota and the
 * default region's kecamatan, the last two written from the boundary files by
 * scripts/prepare-geo.ts so their names and BPS codes join with the maps.
 */
export const SEED_FILES: readonly SeedFile[] = [
	{ file: 'regions.csv', kind: 'regions', required: true },
	{ file: 'regions-jateng.csv', kind: 'regions', required: false },
	{ file: 'kecamatan.csv', kind: 'regions', required: false },
	{ file: 'frameworks.csv', kind: 'frameworks', required: true },
	{ file: 'framework-nodes.csv', kind: 'nodes', required: true },
	{ file: 'indicators.csv', kind: 'indicators', required: true },
	{ file: 'observations.csv', kind: 'observations', required: true },
	{ file: 'targets.csv', kind: 'targets', required: false }
];

/**
 * The demo's illustrative series (written by scripts/generate-illustrative.ts), loaded after the
 * real files only when the demo is on: they fill cells that have no real value, never replace one.
 */
export const DEMO_SEED_FILES: readonly SeedFile[] = [
	{ file: 'demo/observations.csv', kind: 'observations', required: true, illustrative: true },
	{ file: 'demo/targets.csv', kind: 'targets', required: false, illustrative: true }
];

interface SeedFile {
	file: string;
	kind: ImportKind;
	required: boolean;
	/** Only these files may hold rows flagged illustrative. */
	illustrative?: boolean;
}

export const PROFILES_DIR = 'profiles';

/** A seed file that cannot be loaded; the message names the file, row and column. */
export class SeedError extends Error {
	override name = 'SeedError';
}

function describe(file: string, e: ImportError) {
	const where = [
		file,
		e.row !== null ? `row ${e.row}` : null,
		e.column ? `column ${e.column}` : null
	]
		.filter(Boolean)
		.join(', ');
	const value = e.value !== null && e.value !== '' ? ` (value "${e.value}")` : '';
	return `${where}: ${e.message.en}${value}`;
}

/**
 * A region listed in two seed files would have two sources that can drift apart (a renamed
 * kecamatan fixed in one file only), so the seed refuses it and names both places.
 */
function refuseRepeatedRegions(
	context: ValidationContext,
	shown: string,
	rows: readonly RowOf<'regions'>[]
) {
	const repeated = rows.filter((r) => context.regions.has(r.code)).map((r) => r.code);
	if (repeated.length > 0) {
		throw new SeedError(
			`Seed file ${shown}: region ${repeated.slice(0, 5).join(', ')}${repeated.length > 5 ? ` (and ${repeated.length - 5} more)` : ''} is already in an earlier region file. List each region in one file only.`
		);
	}
}

export interface SeedData {
	batch: LoadBatch;
	/** sha256 over every seed file, in load order: the seed's provenance. */
	sha256: string;
}

/**
 * Reads and validates every seed file (with the demo's series when `demo`); throws SeedError
 * naming the first problems.
 */
export function readSeed(dataDir: string, options: { demo?: boolean } = {}): SeedData {
	const context = emptyContext();
	const hash = createHash('sha256');
	const parts: Partial<{ [K in ImportKind]: RowOf<K>[] }> = {};
	const files = options.demo ? [...SEED_FILES, ...DEMO_SEED_FILES] : SEED_FILES;
	for (const { file, kind, required, illustrative } of files) {
		const full = path.join(dataDir, file);
		const shown = path.join(path.basename(dataDir), file);
		if (!existsSync(full)) {
			if (required)
				throw new SeedError(`${shown} is missing: the data folder needs it (see data/README.md).`);
			continue;
		}
		const bytes = readFileSync(full);
		hash.update(file).update(bytes);
		const report = validateCsv(new Uint8Array(bytes), {
			kind,
			context,
			fileName: shown,
			maxErrors: 5,
			allowIllustrative: illustrative === true
		});
		if (report.status !== 'valid') {
			const more =
				report.errorCount > report.errors.length
					? ` (and ${report.errorCount - report.errors.length} more)`
					: '';
			throw new SeedError(
				`Seed file ${report.errors.map((e) => describe(shown, e)).join('; ')}${more}. Fix the file and start again.`
			);
		}
		const rows = report.rows as RowOf<ImportKind>[];
		if (kind === 'regions') refuseRepeatedRegions(context, shown, rows as RowOf<'regions'>[]);
		addRowsToContext(context, kind, rows);
		// Several files of one kind (the region files) add up, in load order.
		const bucket = parts as Record<string, RowOf<ImportKind>[]>;
		bucket[kind] = [...(bucket[kind] ?? []), ...rows];
	}
	const batch = toBatch(parts);
	batch.profiles = readProfiles(dataDir, context, hash);
	return { batch, sha256: hash.digest('hex') };
}

function readProfiles(
	dataDir: string,
	context: ValidationContext,
	hash: ReturnType<typeof createHash>
) {
	const dir = path.join(dataDir, PROFILES_DIR);
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => {
			const shown = path.join(path.basename(dataDir), PROFILES_DIR, f);
			const text = readFileSync(path.join(dir, f), 'utf8');
			hash.update(f).update(text);
			let profile;
			try {
				profile = parseProfile(text);
			} catch (e) {
				if (e instanceof ProfileError) {
					const problems = e.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
					throw new SeedError(`Seed file ${shown}: ${problems}. Fix the file and start again.`);
				}
				throw e;
			}
			if (!context.frameworks.has(profile.framework)) {
				throw new SeedError(
					`Seed file ${shown}: framework "${profile.framework}" is not in frameworks.csv.`
				);
			}
			return {
				code: profile.code,
				frameworkCode: profile.framework,
				version: profile.version,
				nameId: profile.nameId,
				nameEn: profile.nameEn,
				yearFrom: profile.yearFrom,
				yearTo: profile.yearTo,
				isDefault: profile.isDefault,
				settings: JSON.stringify(serialiseSettings(profile.settings))
			};
		});
}

/** Seeds the database when it has never been seeded; a seeded database is left alone. */
export function seedIfEmpty(
	conn: Connection,
	dataDir: string,
	options: { demo?: boolean } = {}
): { seeded: boolean; rows: number } {
	if (hasSeed(conn)) return { seeded: false, rows: 0 };
	const { batch, sha256 } = readSeed(dataDir, options);
	const fileName = path.basename(dataDir) + (options.demo ? '/ + demo/' : '/');
	try {
		const result = commitBatch(conn, { kind: 'seed', fileName, sha256, actor: 'system' }, batch);
		return { seeded: true, rows: result.counts.rows };
	} catch (e) {
		// The validator mirrors the database's constraints; this is the backstop if they ever differ.
		if (e instanceof RowRejected || (e instanceof Error && e.name === 'SqliteError')) {
			throw new SeedError(`The database refused the seed data (${e.message}); nothing was loaded.`);
		}
		throw e;
	}
}
