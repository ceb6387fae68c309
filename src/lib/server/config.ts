/**
 * Configuration from the environment, read in one place.
 *
 * Plain `process.env` rather than `$env/dynamic/private` because the command-line scripts (import,
 * migrate, user) run outside SvelteKit and must see the same settings as the server.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROLES, type Role } from '../domain';

/** A configuration problem a person can fix by setting something: printed as one line at start. */
export class ConfigError extends Error {
	override name = 'ConfigError';
}

export const DEFAULT_DATABASE_URL = 'var/rapor-cerdas.db';
/** The demo instance keeps its own file, so its invented values never mix with real data. */
export const DEFAULT_DEMO_DATABASE_URL = 'var/demo.db';

export interface InstanceConfig {
	/** Region shown when a URL names none (Kemendagri code). */
	defaultRegion: string;
	/** Province the default region belongs to. */
	province: string;
	/** Regions compared with the default one. */
	peers: string[];
	/** Framework the scorecard shows. */
	defaultFramework: string;
	/** The first assessment year (Pati joined GM100SC in 2018). */
	baseYear: number;
	nameId: string;
	nameEn: string;
	/**
	 * The region's cohort in Kominfo's evaluation (the `cohort` of
	 * data/instrument/kominfo-weights.csv, e.g. REGULER); null when the file names none.
	 */
	kominfoCohort: string | null;
}

/**
 * The regions a page compares: the default region and its peers, in that order. Charts, the
 * comparison table and the SPBE page stay with this group; the maps show the whole province.
 */
export const comparisonGroup = (instance: InstanceConfig): string[] => [
	instance.defaultRegion,
	...instance.peers
];

export interface AppConfig {
	databaseUrl: string;
	/** True when DATABASE_URL was not set: only then may the app create the parent folder. */
	databaseUrlIsDefault: boolean;
	dataDir: string;
	migrationsDir: string;
	instance: InstanceConfig;
	/**
	 * The opt-in demo (`DEMO=1`, `npm run demo`): the seed adds the illustrative series of
	 * DATA_DIR/demo/, imports may carry illustrative rows, and every page says so in a banner.
	 * Off, illustrative rows are refused, so the instance publishes sourced numbers only.
	 */
	demo: boolean;
	/**
	 * Roles that must use two-factor sign-in (TWO_FACTOR_ROLES, e.g. `admin,walidata`): until they
	 * have set it up, the only staff page they can open is their account page. Empty: optional.
	 */
	twoFactorRoles: Role[];
}

/** TWO_FACTOR_ROLES: a comma-separated list of roles, each one of ROLES. */
export function parseTwoFactorRoles(value: string | undefined): Role[] {
	const names = (value ?? '')
		.split(',')
		.map((s) => s.trim().toLowerCase())
		.filter(Boolean);
	for (const name of names) {
		if (!(ROLES as readonly string[]).includes(name))
			throw new ConfigError(
				`TWO_FACTOR_ROLES: "${name}" is not a role: use a comma-separated list of ${ROLES.join(', ')} (for example admin,walidata).`
			);
	}
	return [...new Set(names)] as Role[];
}

/**
 * The built server without ORIGIN would take the site's origin from each request's Host header
 * (which anyone can set): refuse to start instead. `npm start` sets a local default.
 */
export function requireOrigin(env: NodeJS.ProcessEnv = process.env): string {
	const origin = env.ORIGIN?.trim();
	if (!origin)
		throw new ConfigError(
			'ORIGIN is not set: set it to the address people open, such as ORIGIN=https://rapor.patikab.go.id (npm start sets http://localhost:PORT for you).'
		);
	let url: URL;
	try {
		url = new URL(origin);
	} catch {
		throw new ConfigError(
			`ORIGIN "${origin}" is not a URL: use a form such as https://rapor.example.go.id.`
		);
	}
	if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname !== '/' || url.search)
		throw new ConfigError(
			`ORIGIN "${origin}" must be only a scheme and host (and port), such as https://rapor.example.go.id.`
		);
	return url.origin;
}

function readInstance(dataDir: string, env: NodeJS.ProcessEnv): InstanceConfig {
	const file = path.join(dataDir, 'instance.json');
	if (!existsSync(file)) {
		throw new ConfigError(
			`${file} is missing: set DATA_DIR to a data folder that has instance.json (see data/README.md).`
		);
	}
	let raw: Record<string, unknown>;
	try {
		raw = JSON.parse(readFileSync(file, 'utf8'));
	} catch (e) {
		throw new ConfigError(`${file} is not valid JSON (${(e as Error).message}): fix the file.`);
	}
	const str = (key: string) => {
		const v = raw[key];
		if (typeof v !== 'string' || v === '') {
			throw new ConfigError(`${file}: "${key}" must be a non-empty string.`);
		}
		return v;
	};
	const peers = raw.peers;
	if (!Array.isArray(peers) || peers.some((p) => typeof p !== 'string')) {
		throw new ConfigError(`${file}: "peers" must be a list of region codes.`);
	}
	const baseYear = raw.base_year;
	if (typeof baseYear !== 'number' || !Number.isInteger(baseYear)) {
		throw new ConfigError(`${file}: "base_year" must be a whole year such as 2018.`);
	}
	const cohort = raw.kominfo_cohort ?? null;
	if (cohort !== null && (typeof cohort !== 'string' || cohort === '')) {
		throw new ConfigError(
			`${file}: "kominfo_cohort" must be a cohort of instrument/kominfo-weights.csv, such as "REGULER".`
		);
	}
	return {
		defaultRegion: env.DEFAULT_REGION || str('default_region'),
		province: str('province'),
		peers: peers as string[],
		defaultFramework: str('default_framework'),
		baseYear,
		nameId: str('name_id'),
		nameEn: str('name_en'),
		kominfoCohort: cohort
	};
}

/** Reads the configuration; throws ConfigError with a one-line, fixable message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
	const dataDir = path.resolve(env.DATA_DIR || 'data');
	const demo = env.DEMO === '1' || env.DEMO === 'true';
	const databaseUrl = env.DATABASE_URL ?? (demo ? DEFAULT_DEMO_DATABASE_URL : DEFAULT_DATABASE_URL);
	if (databaseUrl.trim() === '') {
		throw new ConfigError(
			'DATABASE_URL is empty: set it to a file path such as var/rapor-cerdas.db.'
		);
	}
	return {
		databaseUrl: databaseUrl.replace(/^file:/, ''),
		databaseUrlIsDefault: env.DATABASE_URL === undefined,
		dataDir,
		migrationsDir: path.resolve(env.MIGRATIONS_DIR || 'drizzle'),
		instance: readInstance(dataDir, env),
		demo,
		twoFactorRoles: parseTwoFactorRoles(env.TWO_FACTOR_ROLES)
	};
}

let cached: AppConfig | undefined;

/** The process-wide configuration, read once. */
export function config(): AppConfig {
	cached ??= loadConfig();
	return cached;
}
