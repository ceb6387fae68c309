/**
 * The database schema: one place for every table, constraint and index.
 *
 * Observations and targets keep their history in the same table: a row is current while
 * `supersededBy` is null, and a partial unique index allows one current value per
 * (region, indicator, year). An import that replaces a value stamps the old row with its own id,
 * so undoing that import is "delete my rows, un-stamp the rows I stamped".
 *
 * Constraints that need another table (a percent share must lie in 0–100, a level in 1–5) live in
 * triggers in a custom migration, because SQLite CHECKs cannot look at the indicator's value type.
 */
import { sql } from 'drizzle-orm';
import {
	check,
	foreignKey,
	index,
	integer,
	primaryKey,
	real,
	sqliteTable,
	text,
	uniqueIndex,
	type AnySQLiteColumn
} from 'drizzle-orm/sqlite-core';
// The domain's lists, the one copy (relative: drizzle-kit reads this file without Vite): the
// tables' CHECKs accept exactly what the files, the forms and the API accept.
import {
	BUDGET_SOURCES,
	IMPORT_STATUSES,
	ITEM_KINDS,
	ITEM_STATUSES,
	MAX_YEAR,
	METHODS,
	MIN_YEAR,
	POLARITIES,
	PROGRAMME_KINDS,
	PROGRAMME_STATUSES,
	PROGRESS_STATUSES,
	RECORDED_IMPORT_KINDS,
	REGION_KINDS,
	RISK_SCALE,
	RISK_STATUSES,
	ROLES,
	SOURCE_KINDS,
	SUBMISSION_KINDS,
	SUBMISSION_STATUSES,
	TARGET_DOCUMENTS,
	VALUE_TYPES
} from '../../domain';

const inList = (column: string, values: readonly string[]) =>
	sql.raw(`${column} IN (${values.map((v) => `'${v}'`).join(', ')})`);

/**
 * The same test as `inList`, written as `=` … `OR` for the value tables that bulk imports fill:
 * SQLite builds an ephemeral index for `IN (…)` each time an INSERT statement runs, so a
 * four-item list cost about 0.8 s more per million single-row inserts than the same test with OR
 * (`npm run bench -- import`, cases check_in_list and check_or_list).
 */
const equalsOneOf = (column: string, values: readonly string[]) =>
	sql.raw(`(${values.map((v) => `${column} = '${v}'`).join(' OR ')})`);

export const regions = sqliteTable(
	'regions',
	{
		/** Kemendagri code: `33` province, `33.18` kabupaten/kota, `33.18.08` kecamatan. */
		code: text('code').primaryKey(),
		name: text('name').notNull(),
		kind: text('kind', { enum: REGION_KINDS }).notNull(),
		parentCode: text('parent_code').references((): AnySQLiteColumn => regions.code),
		/** BPS code, kept apart: it is not derivable from the Kemendagri code. */
		bpsCode: text('bps_code')
	},
	(t) => [
		check('regions_kind', inList('kind', REGION_KINDS)),
		check('regions_code_format', sql`${t.code} GLOB '[0-9][0-9]*'`),
		index('regions_parent').on(t.parentCode)
	]
);

export const frameworks = sqliteTable(
	'frameworks',
	{
		code: text('code').primaryKey(),
		version: text('version').notNull(),
		nameId: text('name_id').notNull(),
		nameEn: text('name_en').notNull(),
		/** First and last assessment year this version applies to (last null = still in force). */
		yearFrom: integer('year_from').notNull(),
		yearTo: integer('year_to'),
		source: text('source').notNull().default('')
	},
	(t) => [
		check('frameworks_years', sql`${t.yearTo} IS NULL OR ${t.yearTo} >= ${t.yearFrom}`),
		check(
			'frameworks_year_from',
			sql`${t.yearFrom} BETWEEN ${sql.raw(String(MIN_YEAR))} AND ${sql.raw(String(MAX_YEAR))}`
		)
	]
);

export const frameworkNodes = sqliteTable(
	'framework_nodes',
	{
		frameworkCode: text('framework_code')
			.notNull()
			.references(() => frameworks.code),
		code: text('code').notNull(),
		parentCode: text('parent_code'),
		/** `dimension` / `element` for GM100SC; `domain` / `aspect` for SPBE. */
		level: text('level').notNull(),
		nameId: text('name_id').notNull(),
		nameEn: text('name_en').notNull(),
		descriptionId: text('description_id').notNull().default(''),
		descriptionEn: text('description_en').notNull().default(''),
		weight: real('weight').notNull().default(1),
		sortOrder: integer('sort_order').notNull().default(0)
	},
	(t) => [
		primaryKey({ columns: [t.frameworkCode, t.code] }),
		foreignKey({
			columns: [t.frameworkCode, t.parentCode],
			foreignColumns: [t.frameworkCode, t.code]
		}),
		check('framework_nodes_weight', sql`${t.weight} >= 0`)
	]
);

export const indicators = sqliteTable(
	'indicators',
	{
		code: text('code').primaryKey(),
		frameworkCode: text('framework_code').notNull(),
		elementCode: text('element_code').notNull(),
		nameId: text('name_id').notNull(),
		nameEn: text('name_en').notNull(),
		descriptionId: text('description_id').notNull().default(''),
		descriptionEn: text('description_en').notNull().default(''),
		/** Why this indicator measures its element: shown on the methodology page. */
		rationaleId: text('rationale_id').notNull().default(''),
		rationaleEn: text('rationale_en').notNull().default(''),
		unit: text('unit').notNull(),
		polarity: text('polarity', { enum: POLARITIES }).notNull(),
		valueType: text('value_type', { enum: VALUE_TYPES }).notNull(),
		method: text('method', { enum: METHODS }).notNull().default('minmax'),
		/** Scoring bounds: a value at `worst` scores 0, at `best` 100, whatever the polarity. */
		worst: real('worst'),
		best: real('best'),
		/** Benchmark for the `bands` method (U4SSC): the value that earns full points. */
		benchmark: real('benchmark'),
		/** Producing OPD (organisasi perangkat daerah), e.g. `BPS`, `DISKOMINFO`. */
		opd: text('opd').notNull().default(''),
		weight: real('weight').notNull().default(1),
		/** Where the definition comes from (BPS metadata, a regulation). */
		definitionSource: text('definition_source').notNull().default(''),
		/**
		 * First assessment year the indicator exists (QRIS from 2020, the ETPD index from 2021):
		 * before it the indicator is not applicable and does not count against coverage.
		 */
		yearFrom: integer('year_from'),
		/** Decimals a reader sees (BPS publishes IPM as 74,10); null = as many as the value has. */
		decimals: integer('decimals'),
		/**
		 * Space-separated years from which the series is on a new basis (BPS's life expectancy from
		 * 2024): no trend, carry-forward or comparison runs across one. `''` = none.
		 */
		breakYears: text('break_years').notNull().default(''),
		breakNoteId: text('break_note_id').notNull().default(''),
		breakNoteEn: text('break_note_en').notNull().default(''),
		sortOrder: integer('sort_order').notNull().default(0)
	},
	(t) => [
		foreignKey({
			columns: [t.frameworkCode, t.elementCode],
			foreignColumns: [frameworkNodes.frameworkCode, frameworkNodes.code]
		}),
		check('indicators_polarity', inList('polarity', POLARITIES)),
		check('indicators_value_type', inList('value_type', VALUE_TYPES)),
		check('indicators_method', inList('method', METHODS)),
		check('indicators_weight', sql`${t.weight} >= 0`),
		check(
			'indicators_bounds',
			sql`${t.method} NOT IN ('minmax') OR (${t.worst} IS NOT NULL AND ${t.best} IS NOT NULL AND ${t.worst} <> ${t.best})`
		),
		check(
			'indicators_polarity_bounds',
			sql`${t.worst} IS NULL OR ${t.best} IS NULL OR (${t.polarity} = 'higher' AND ${t.best} > ${t.worst}) OR (${t.polarity} = 'lower' AND ${t.best} < ${t.worst})`
		),
		check('indicators_bands', sql`${t.method} <> 'bands' OR ${t.benchmark} IS NOT NULL`),
		check('indicators_level', sql`${t.method} <> 'level' OR ${t.valueType} = 'level'`),
		check(
			'indicators_year_from',
			sql`${t.yearFrom} IS NULL OR ${t.yearFrom} BETWEEN ${sql.raw(String(MIN_YEAR))} AND ${sql.raw(String(MAX_YEAR))}`
		),
		// Target of the (indicator_code, value_type) foreign keys of observations and targets.
		uniqueIndex('indicators_code_value_type').on(t.code, t.valueType),
		check('indicators_decimals', sql`${t.decimals} IS NULL OR ${t.decimals} BETWEEN 0 AND 6`),
		check(
			'indicators_break_years',
			sql`${t.breakYears} = '' OR ${t.breakYears} GLOB '[0-9][0-9][0-9][0-9]*'`
		),
		index('indicators_element').on(t.frameworkCode, t.elementCode)
	]
);

export const imports = sqliteTable(
	'imports',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		kind: text('kind', { enum: RECORDED_IMPORT_KINDS }).notNull(),
		fileName: text('file_name').notNull(),
		sha256: text('sha256').notNull(),
		shape: text('shape').notNull().default('long'),
		/** JSON: delimiter, encoding, locale, line ending. */
		dialect: text('dialect').notNull().default('{}'),
		/** Who ran it: a user name, or `system` for the bundled seed. */
		actor: text('actor').notNull(),
		createdAt: text('created_at')
			.notNull()
			.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
		status: text('status', { enum: IMPORT_STATUSES }).notNull().default('committed'),
		rowCount: integer('row_count').notNull().default(0),
		inserted: integer('inserted').notNull().default(0),
		updated: integer('updated').notNull().default(0),
		unchanged: integer('unchanged').notNull().default(0),
		undoneAt: text('undone_at'),
		undoneBy: text('undone_by')
	},
	(t) => [
		check('imports_kind', inList('kind', RECORDED_IMPORT_KINDS)),
		check('imports_status', inList('status', IMPORT_STATUSES)),
		check(
			'imports_counts',
			sql`${t.rowCount} >= 0 AND ${t.inserted} >= 0 AND ${t.updated} >= 0 AND ${t.unchanged} >= 0`
		),
		index('imports_sha').on(t.sha256, t.kind)
	]
);

/** What each value type allows: a share 0–100, a whole level 1–5, a whole count ≥ 0. */
const valueChecks = (table: string, value: AnySQLiteColumn, valueType: AnySQLiteColumn) => [
	check(`${table}_value_type`, equalsOneOf('value_type', VALUE_TYPES)),
	check(`${table}_percent`, sql`${valueType} <> 'percent' OR ${value} BETWEEN 0 AND 100`),
	check(
		`${table}_level`,
		sql`${valueType} <> 'level' OR (${value} BETWEEN 1 AND 5 AND ${value} = CAST(${value} AS INTEGER))`
	),
	check(
		`${table}_count`,
		sql`${valueType} <> 'count' OR (${value} >= 0 AND ${value} = CAST(${value} AS INTEGER))`
	)
];

const yearCheck = (name: string, column: AnySQLiteColumn) =>
	check(name, sql`${column} BETWEEN ${sql.raw(String(MIN_YEAR))} AND ${sql.raw(String(MAX_YEAR))}`);

/**
 * The columns every value table (observations, targets) starts with: a region's value of an
 * indicator in a year. A function, so each table gets its own column builders.
 */
const valueColumns = () => ({
	id: integer('id').primaryKey({ autoIncrement: true }),
	regionCode: text('region_code')
		.notNull()
		.references(() => regions.code),
	indicatorCode: text('indicator_code').notNull(),
	/**
	 * The indicator's value type, copied so the value's constraints are plain CHECKs: a composite
	 * foreign key keeps the copy equal to the indicator's own (and cascades a change, which the
	 * CHECKs then re-validate).
	 */
	valueType: text('value_type', { enum: VALUE_TYPES }).notNull(),
	year: integer('year').notNull(),
	value: real('value').notNull()
});

export const observations = sqliteTable(
	'observations',
	{
		...valueColumns(),
		/** URL or document the value was read in. Required: every number shown has a source. */
		source: text('source').notNull(),
		/** Who published it (SOURCE_KINDS); `''` when the importer did not say. */
		sourceKind: text('source_kind').notNull().default(''),
		/** The period measured, as printed (`Maret 2023`); `''` when not stated (then: the year). */
		referencePeriod: text('reference_period').notNull().default(''),
		note: text('note').notNull().default(''),
		/**
		 * 1 when the value is illustrative (not from a real source). Only the opt-in demo dataset
		 * has such rows; a real instance refuses them at import. Pages must say so.
		 */
		illustrative: integer('illustrative', { mode: 'boolean' }).notNull().default(false),
		importId: integer('import_id')
			.notNull()
			.references(() => imports.id),
		/** The import that replaced this row; null while the row is current. */
		supersededBy: integer('superseded_by').references(() => imports.id)
	},
	(t) => [
		yearCheck('observations_year', t.year),
		check('observations_finite', sql`${t.value} = ${t.value} AND abs(${t.value}) < 1e300`),
		check('observations_source', sql`length(trim(${t.source})) > 0`),
		check(
			'observations_source_kind',
			sql.raw(
				`(source_kind = '' OR ${SOURCE_KINDS.map((k) => `source_kind = '${k}'`).join(' OR ')})`
			)
		),
		foreignKey({
			columns: [t.indicatorCode, t.valueType],
			foreignColumns: [indicators.code, indicators.valueType]
		}).onUpdate('cascade'),
		...valueChecks('observations', t.value, t.valueType),
		uniqueIndex('observations_current')
			.on(t.regionCode, t.indicatorCode, t.year)
			.where(sql`superseded_by IS NULL`)
		// No index on import_id or superseded_by: only undo reads them (a scan of the table, rare),
		// and each index cost a million-row import about 0.2 s (a one-off comparison of the import
		// bench's pipeline with and without it; its undo case shows what undo costs without it).
	]
);

export const targets = sqliteTable(
	'targets',
	{
		...valueColumns(),
		/** Kind of planning document: RPJMD, RPD, Renstra … */
		documentType: text('document_type', { enum: TARGET_DOCUMENTS }).notNull(),
		/** Where in the document the value is printed: page, table or chapter. */
		documentRef: text('document_ref').notNull(),
		/** The document itself: title, number, URL. */
		source: text('source').notNull(),
		note: text('note').notNull().default(''),
		illustrative: integer('illustrative', { mode: 'boolean' }).notNull().default(false),
		importId: integer('import_id')
			.notNull()
			.references(() => imports.id),
		supersededBy: integer('superseded_by').references(() => imports.id)
	},
	(t) => [
		yearCheck('targets_year', t.year),
		check('targets_finite', sql`${t.value} = ${t.value} AND abs(${t.value}) < 1e300`),
		check('targets_document_type', equalsOneOf('document_type', TARGET_DOCUMENTS)),
		check('targets_source', sql`length(trim(${t.source})) > 0`),
		check('targets_document_ref', sql`length(trim(${t.documentRef})) > 0`),
		foreignKey({
			columns: [t.indicatorCode, t.valueType],
			foreignColumns: [indicators.code, indicators.valueType]
		}).onUpdate('cascade'),
		...valueChecks('targets', t.value, t.valueType),
		uniqueIndex('targets_current')
			.on(t.regionCode, t.indicatorCode, t.year)
			.where(sql`superseded_by IS NULL`)
		// No index on import_id or superseded_by: only undo reads them (a scan of the table, rare),
		// and each index cost a million-row import about 0.2 s (a one-off comparison of the import
		// bench's pipeline with and without it; its undo case shows what undo costs without it).
	]
);

/**
 * Scoring profiles: method choices, coverage rule, rating bands and aggregation for a framework
 * and range of assessment years. The settings are a JSON document validated by the scoring module.
 */
export const scoringProfiles = sqliteTable(
	'scoring_profiles',
	{
		code: text('code').primaryKey(),
		frameworkCode: text('framework_code')
			.notNull()
			.references(() => frameworks.code),
		version: text('version').notNull(),
		nameId: text('name_id').notNull(),
		nameEn: text('name_en').notNull(),
		yearFrom: integer('year_from').notNull(),
		yearTo: integer('year_to'),
		isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
		settings: text('settings').notNull()
	},
	(t) => [check('scoring_profiles_settings', sql`json_valid(${t.settings})`)]
);

export type Region = typeof regions.$inferSelect;
export type Framework = typeof frameworks.$inferSelect;
export type FrameworkNode = typeof frameworkNodes.$inferSelect;
export type Indicator = typeof indicators.$inferSelect;
export type Observation = typeof observations.$inferSelect;
export type Target = typeof targets.$inferSelect;
export type ImportRecord = typeof imports.$inferSelect;
export type ScoringProfileRow = typeof scoringProfiles.$inferSelect;

/** Accounts. Never deleted (the audit log names them); disabled instead. No default account exists. */
export const users = sqliteTable(
	'users',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** Stored lower-case, so sign-in is case-insensitive and `Admin` cannot shadow `admin`. */
		username: text('username').notNull(),
		/** argon2id PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`). */
		passwordHash: text('password_hash').notNull(),
		role: text('role', { enum: ROLES }).notNull(),
		/** The OPD a `produsen` produces data for (matches `indicators.opd`); null for other roles. */
		opd: text('opd'),
		disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
		createdAt: text('created_at')
			.notNull()
			.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
		passwordChangedAt: text('password_changed_at')
			.notNull()
			.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
		/** TOTP two-factor: the base32 secret once confirmed, null while two-factor is off. */
		totpSecret: text('totp_secret'),
		/** A secret shown for enrolment and not yet confirmed with a code. */
		totpPendingSecret: text('totp_pending_secret'),
		totpEnabledAt: text('totp_enabled_at'),
		/** The last 30-second step a code was accepted for: a code works once. */
		totpLastStep: integer('totp_last_step')
	},
	(t) => [
		uniqueIndex('users_username').on(t.username),
		check('users_role', inList('role', ROLES)),
		check(
			'users_username_format',
			sql`${t.username} GLOB '[a-z0-9]*' AND length(${t.username}) BETWEEN 3 AND 32 AND ${t.username} = lower(${t.username})`
		),
		check(
			'users_produsen_opd',
			sql`(${t.role} = 'produsen') = (${t.opd} IS NOT NULL AND length(${t.opd}) > 0)`
		)
	]
);

/**
 * Sign-in sessions. `id` is the SHA-256 of the token in the cookie, so a copy of the database
 * does not hold usable tokens. Times are Unix milliseconds.
 */
export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: integer('created_at').notNull(),
		/** Idle expiry, pushed forward as the session is used. */
		expiresAt: integer('expires_at').notNull(),
		/** Absolute expiry: never moves. */
		absoluteExpiresAt: integer('absolute_expires_at').notNull(),
		address: text('address').notNull().default(''),
		/**
		 * Failed sign-ins with this account between the previous sign-in and this one, shown to the
		 * owner until dismissed (someone may be guessing their password).
		 */
		failedBefore: integer('failed_before').notNull().default(0),
		lastFailedAt: text('last_failed_at'),
		lastFailedAddress: text('last_failed_address')
	},
	(t) => [index('sessions_user').on(t.userId), index('sessions_expires').on(t.expiresAt)]
);

export const ACCOUNT_TOKEN_PURPOSES = ['setup', 'reset', 'two_factor'] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

/**
 * One-time tokens: a link to set a first password (`setup`) or a new one (`reset`), made by an
 * admin so that no admin ever chooses a password for someone; and the half-finished sign-in that
 * waits for a two-factor code (`two_factor`). `id` is the SHA-256 of the token, as for sessions.
 * A token is deleted when used.
 */
export const accountTokens = sqliteTable(
	'account_tokens',
	{
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		purpose: text('purpose', { enum: ACCOUNT_TOKEN_PURPOSES }).notNull(),
		createdAt: integer('created_at').notNull(),
		expiresAt: integer('expires_at').notNull(),
		createdBy: text('created_by').notNull(),
		address: text('address').notNull().default('')
	},
	(t) => [
		check('account_tokens_purpose', inList('purpose', ACCOUNT_TOKEN_PURPOSES)),
		index('account_tokens_user').on(t.userId, t.purpose)
	]
);

/** Two-factor recovery codes: SHA-256 of each (they are random, so a plain hash is enough); used ones are deleted. */
export const recoveryCodes = sqliteTable(
	'recovery_codes',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		codeHash: text('code_hash').notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.codeHash] })]
);

/**
 * Sign-in attempts, for throttling (src/lib/server/auth/throttle.ts): one row per key, reserved
 * before the password is checked, removed again when it was right. Keys: `pair:<username> <ip>`,
 * `account:<username>`, `address:<ip>`. Rows older than the longest window are pruned.
 */
export const loginFailures = sqliteTable(
	'login_failures',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		key: text('key').notNull(),
		at: integer('at').notNull()
	},
	(t) => [index('login_failures_key').on(t.key, t.at)]
);

/**
 * Who did what, when. Written in the same transaction as the change it records; denials and
 * sign-ins too. `before`/`after` are small JSON summaries, not full copies.
 */
export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: text('at')
			.notNull()
			.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
		/** No foreign key: the log outlives anything it names. */
		actorId: integer('actor_id'),
		/** User name at the time, or `-` for an anonymous request, `system` for the CLI. */
		actor: text('actor').notNull(),
		action: text('action').notNull(),
		entityType: text('entity_type').notNull(),
		entityId: text('entity_id').notNull().default(''),
		before: text('before'),
		after: text('after'),
		address: text('address').notNull().default('')
	},
	(t) => [
		check('audit_log_before', sql`${t.before} IS NULL OR json_valid(${t.before})`),
		check('audit_log_after', sql`${t.after} IS NULL OR json_valid(${t.after})`),
		index('audit_log_at').on(t.at),
		index('audit_log_actor').on(t.actor, t.at),
		index('audit_log_action').on(t.action, t.at),
		index('audit_log_entity').on(t.entityType, t.entityId)
	]
);

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;

/*
 * Assessment submissions (the Kominfo GM100SC evaluation and the SPBE self-assessment): one
 * workspace per kind, framework, region and year; its items with answer, justification, OPD, due
 * date and workflow status; evidence files and links; programmes and quick wins per element; and
 * the frozen snapshots made when a submission is finalised (never updated: see the triggers in the
 * migration).
 */
export const EVIDENCE_KINDS = ['file', 'link'] as const;
export { PROGRAMME_STATUSES };

export const submissions = sqliteTable(
	'submissions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		kind: text('kind', { enum: SUBMISSION_KINDS }).notNull(),
		frameworkCode: text('framework_code')
			.notNull()
			.references(() => frameworks.code),
		regionCode: text('region_code')
			.notNull()
			.references(() => regions.code),
		year: integer('year').notNull(),
		title: text('title').notNull(),
		/** Kominfo instrument weight set (data/instrument/kominfo-weights.csv); null for SPBE. */
		weightSet: text('weight_set'),
		status: text('status', { enum: SUBMISSION_STATUSES }).notNull().default('open'),
		createdBy: text('created_by').notNull(),
		createdAt: text('created_at')
			.notNull()
			.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`)
	},
	(t) => [
		check('submissions_kind', inList('kind', SUBMISSION_KINDS)),
		check('submissions_status', inList('status', SUBMISSION_STATUSES)),
		yearCheck('submissions_year', t.year),
		uniqueIndex('submissions_unique').on(t.kind, t.frameworkCode, t.regionCode, t.year)
	]
);

export const submissionItems = sqliteTable(
	'submission_items',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		submissionId: integer('submission_id')
			.notNull()
			.references(() => submissions.id),
		/** `element:<node>`, `instrument:<item>` or `spbe:<indicator>`. */
		itemKey: text('item_key').notNull(),
		kind: text('kind', { enum: ITEM_KINDS }).notNull(),
		/** Dimension, aspect or instrument part. */
		groupCode: text('group_code').notNull(),
		/** The indicator, node or instrument item code the item is about. */
		refCode: text('ref_code').notNull(),
		sortOrder: integer('sort_order').notNull().default(0),
		titleId: text('title_id').notNull(),
		titleEn: text('title_en').notNull(),
		answer: text('answer'),
		justification: text('justification').notNull().default(''),
		opd: text('opd').notNull().default(''),
		/** `YYYY-MM-DD`. */
		dueDate: text('due_date'),
		status: text('status', { enum: ITEM_STATUSES }).notNull().default('empty'),
		/** Kominfo instrument items: the preparer's own score on the ministry's 0–4 scale. */
		selfScore: real('self_score'),
		/** Kominfo instrument items: the reviewer's "expected assessor score", 0–4. */
		expectedScore: real('expected_score'),
		reviewComment: text('review_comment').notNull().default(''),
		required: integer('required', { mode: 'boolean' }).notNull().default(true),
		evidenceRequired: integer('evidence_required', { mode: 'boolean' }).notNull().default(true),
		updatedBy: text('updated_by'),
		updatedAt: text('updated_at')
	},
	(t) => [
		check('submission_items_kind', inList('kind', ITEM_KINDS)),
		check('submission_items_status', inList('status', ITEM_STATUSES)),
		check(
			'submission_items_due_date',
			sql`${t.dueDate} IS NULL OR ${t.dueDate} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`
		),
		check(
			'submission_items_self_score',
			sql`${t.selfScore} IS NULL OR ${t.selfScore} BETWEEN 0 AND 4`
		),
		check(
			'submission_items_expected_score',
			sql`${t.expectedScore} IS NULL OR ${t.expectedScore} BETWEEN 0 AND 4`
		),
		uniqueIndex('submission_items_key').on(t.submissionId, t.itemKey),
		index('submission_items_opd').on(t.submissionId, t.opd)
	]
);

/** Evidence (bukti dukung): a stored file (by SHA-256 of its content) or a link. */
export const evidence = sqliteTable(
	'evidence',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		itemId: integer('item_id')
			.notNull()
			.references(() => submissionItems.id),
		kind: text('kind', { enum: EVIDENCE_KINDS }).notNull(),
		/** Sanitised original file name, or the link's label. */
		name: text('name').notNull(),
		sha256: text('sha256'),
		size: integer('size'),
		mime: text('mime'),
		url: text('url'),
		createdBy: text('created_by').notNull(),
		createdAt: text('created_at')
			.notNull()
			.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`)
	},
	(t) => [
		check('evidence_kind', inList('kind', EVIDENCE_KINDS)),
		check(
			'evidence_file',
			sql`${t.kind} <> 'file' OR (${t.sha256} GLOB '[0-9a-f]*' AND length(${t.sha256}) = 64 AND ${t.size} >= 0)`
		),
		check('evidence_link', sql`${t.kind} <> 'link' OR length(${t.url}) > 0`),
		index('evidence_item').on(t.itemId),
		index('evidence_sha').on(t.sha256)
	]
);

/**
 * The programme register (issue 21 item 1): the masterplan's programmes and action plans per
 * GM100SC element, from their start year on. What was done each year is in `programme_progress`,
 * never in this row.
 */
export const programmes = sqliteTable(
	'programmes',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		regionCode: text('region_code')
			.notNull()
			.references(() => regions.code),
		frameworkCode: text('framework_code').notNull(),
		elementCode: text('element_code').notNull(),
		/** `programme`, or the kind of action plan (`sdm`, `infrastruktur`, `aplikasi`, `literasi`). */
		kind: text('kind', { enum: PROGRAMME_KINDS }).notNull().default('programme'),
		name: text('name').notNull(),
		opd: text('opd').notNull().default(''),
		startYear: integer('start_year').notNull(),
		/** The masterplan (or other planning document) that names it, and the page. */
		masterplanTitle: text('masterplan_title').notNull().default(''),
		masterplanPage: integer('masterplan_page'),
		/** APBD or non-APBD; null only for rows recorded before the register asked. */
		budgetSource: text('budget_source', { enum: BUDGET_SOURCES }),
		/** Rupiah. */
		budget: real('budget'),
		rpjmdProblem: text('rpjmd_problem').notNull().default(''),
		status: text('status', { enum: PROGRAMME_STATUSES }).notNull().default('planned'),
		quickWin: integer('quick_win', { mode: 'boolean' }).notNull().default(false),
		/** A note on where the entry comes from, besides the masterplan. */
		source: text('source').notNull().default(''),
		createdBy: text('created_by').notNull(),
		updatedAt: text('updated_at')
			.notNull()
			.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`)
	},
	(t) => [
		foreignKey({
			columns: [t.frameworkCode, t.elementCode],
			foreignColumns: [frameworkNodes.frameworkCode, frameworkNodes.code]
		}),
		check('programmes_status', inList('status', PROGRAMME_STATUSES)),
		check('programmes_kind', inList('kind', PROGRAMME_KINDS)),
		check(
			'programmes_budget_source',
			sql`${t.budgetSource} IS NULL OR ${inList('budget_source', BUDGET_SOURCES)}`
		),
		check('programmes_budget', sql`${t.budget} IS NULL OR ${t.budget} >= 0`),
		check(
			'programmes_masterplan_page',
			sql`${t.masterplanPage} IS NULL OR ${t.masterplanPage} >= 1`
		),
		check('programmes_name', sql`length(trim(${t.name})) > 0`),
		yearCheck('programmes_start_year', t.startYear),
		index('programmes_element').on(t.regionCode, t.frameworkCode, t.elementCode, t.startYear)
	]
);

/**
 * A programme's progress in one year: the target planned, what was done, the share realised
 * (0–100, as the OPD reports it) and its evidence. Public once a reviewer approves it; an edit
 * after approval makes it a draft again.
 */
export const programmeProgress = sqliteTable(
	'programme_progress',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		programmeId: integer('programme_id')
			.notNull()
			.references(() => programmes.id),
		year: integer('year').notNull(),
		planned: text('planned').notNull().default(''),
		done: text('done').notNull().default(''),
		/** % realised, 0–100, as reported: never computed. */
		percent: real('percent').notNull(),
		/** A link or a reference (document, page) to what shows it. */
		evidence: text('evidence').notNull().default(''),
		status: text('status', { enum: PROGRESS_STATUSES }).notNull().default('draft'),
		approvedBy: text('approved_by'),
		approvedAt: text('approved_at'),
		updatedBy: text('updated_by').notNull(),
		updatedAt: text('updated_at')
			.notNull()
			.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`)
	},
	(t) => [
		yearCheck('programme_progress_year', t.year),
		check('programme_progress_percent', sql`${t.percent} BETWEEN 0 AND 100`),
		check('programme_progress_status', inList('status', PROGRESS_STATUSES)),
		check(
			'programme_progress_approved',
			sql`${t.status} <> 'approved' OR ${t.approvedBy} IS NOT NULL`
		),
		uniqueIndex('programme_progress_year_unique').on(t.programmeId, t.year)
	]
);

/** Frozen snapshots of finalised submissions: JSON content and its SHA-256; never updated. */
export const submissionSnapshots = sqliteTable(
	'submission_snapshots',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		submissionId: integer('submission_id')
			.notNull()
			.references(() => submissions.id),
		createdBy: text('created_by').notNull(),
		createdAt: text('created_at')
			.notNull()
			.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
		profileCode: text('profile_code'),
		profileVersion: text('profile_version'),
		content: text('content').notNull(),
		contentSha256: text('content_sha256').notNull()
	},
	(t) => [
		check('submission_snapshots_content', sql`json_valid(${t.content})`),
		index('submission_snapshots_submission').on(t.submissionId)
	]
);

/** Evidence files a snapshot references: kept on disk while any snapshot names them. */
export const snapshotFiles = sqliteTable(
	'snapshot_files',
	{
		snapshotId: integer('snapshot_id')
			.notNull()
			.references(() => submissionSnapshots.id),
		sha256: text('sha256').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.snapshotId, t.sha256] }),
		index('snapshot_files_sha').on(t.sha256)
	]
);

export type Submission = typeof submissions.$inferSelect;
export type SubmissionItem = typeof submissionItems.$inferSelect;
export type Evidence = typeof evidence.$inferSelect;
export type Programme = typeof programmes.$inferSelect;
export type ProgrammeProgress = typeof programmeProgress.$inferSelect;
export type SubmissionSnapshot = typeof submissionSnapshots.$inferSelect;

/**
 * Kominfo's evaluation results recorded by staff after the letter arrives (the years the
 * bundled tables in data/official/ do not hold): the ministry's own numbers, 0–4, never ours.
 */
export const officialResults = sqliteTable(
	'official_results',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		year: integer('year').notNull(),
		regionCode: text('region_code')
			.notNull()
			.references(() => regions.code),
		/** The weight set (data/instrument/kominfo-weights.csv) the letter scored the region by. */
		weightSet: text('weight_set').notNull(),
		baseline: real('baseline'),
		output: real('output'),
		outcome: real('outcome'),
		impact: real('impact'),
		quickwin: real('quickwin'),
		kolaborasi: real('kolaborasi'),
		final: real('final').notNull(),
		/** The letter's "Indeks Peningkatan" as printed, when it prints one. */
		improvement: real('improvement'),
		letter: text('letter').notNull(),
		/** `YYYY-MM-DD`. */
		letterDate: text('letter_date'),
		sourceHref: text('source_href').notNull().default(''),
		note: text('note').notNull().default(''),
		recordedBy: text('recorded_by').notNull(),
		recordedAt: text('recorded_at')
			.notNull()
			.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`)
	},
	(t) => [
		yearCheck('official_results_year', t.year),
		check(
			'official_results_scores',
			sql`(${t.baseline} IS NULL OR ${t.baseline} BETWEEN 0 AND 4) AND (${t.output} IS NULL OR ${t.output} BETWEEN 0 AND 4) AND (${t.outcome} IS NULL OR ${t.outcome} BETWEEN 0 AND 4) AND (${t.impact} IS NULL OR ${t.impact} BETWEEN 0 AND 4) AND (${t.quickwin} IS NULL OR ${t.quickwin} BETWEEN 0 AND 4) AND (${t.kolaborasi} IS NULL OR ${t.kolaborasi} BETWEEN 0 AND 4) AND ${t.final} BETWEEN 0 AND 4`
		),
		check(
			'official_results_letter_date',
			sql`${t.letterDate} IS NULL OR ${t.letterDate} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`
		),
		uniqueIndex('official_results_unique').on(t.year, t.regionCode)
	]
);

export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];
/** How a response arrived: the public form, or a paper form entered by staff (form or CSV). */
export const SURVEY_CHANNELS = ['online', 'paper'] as const;

/**
 * The residents' survey of one year, from that year's instrument's Impact statements
 * (`$lib/survey/structure`). `salt` keys the hashes of respondents' addresses and device cookies:
 * one survey's hashes cannot be matched with another's, and it is never shown.
 */
export const surveys = sqliteTable(
	'surveys',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		year: integer('year').notNull(),
		status: text('status', { enum: SURVEY_STATUSES }).notNull().default('draft'),
		/** `YYYY-MM-DD`, the last day answers are taken (in WIB). */
		closesOn: text('closes_on').notNull(),
		salt: text('salt').notNull(),
		openedAt: text('opened_at'),
		closedAt: text('closed_at'),
		createdBy: text('created_by').notNull(),
		createdAt: text('created_at')
			.notNull()
			.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`)
	},
	(t) => [
		yearCheck('surveys_year', t.year),
		check(
			'surveys_closes_on',
			sql`${t.closesOn} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`
		),
		uniqueIndex('surveys_year_unique').on(t.year)
	]
);

/** The programmes a sub-dimension's statements ask about: up to three, picked or typed. */
export const surveyProgrammes = sqliteTable(
	'survey_programmes',
	{
		surveyId: integer('survey_id')
			.notNull()
			.references(() => surveys.id),
		/** `<pillar>.<number>`, e.g. `smart-governance.4.1`. */
		subDimension: text('sub_dimension').notNull(),
		position: integer('position').notNull(),
		/** The register's programme when picked from it; the name is kept either way. */
		programmeId: integer('programme_id').references(() => programmes.id),
		name: text('name').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.surveyId, t.subDimension, t.position] }),
		check('survey_programmes_position', sql`${t.position} BETWEEN 1 AND 3`),
		check('survey_programmes_name', sql`length(trim(${t.name})) > 0`)
	]
);

/**
 * One respondent's form. Personal data kept: an optional age band, nothing else; the address and
 * device cookie only as salted hashes, for the duplicate and rate checks.
 */
export const surveyResponses = sqliteTable(
	'survey_responses',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		surveyId: integer('survey_id')
			.notNull()
			.references(() => surveys.id),
		channel: text('channel', { enum: SURVEY_CHANNELS }).notNull(),
		/** Online only: sha256(salt, address) and sha256(salt, device cookie). */
		addressHash: text('address_hash'),
		deviceHash: text('device_hash'),
		/** sha256 of the answers: the same answers again from one address are a duplicate. */
		answersHash: text('answers_hash').notNull(),
		ageBand: text('age_band'),
		/** Paper forms: the staff member who entered it. */
		enteredBy: text('entered_by'),
		createdAt: text('created_at')
			.notNull()
			.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`)
	},
	(t) => [
		check(
			'survey_responses_age_band',
			sql`${t.ageBand} IS NULL OR ${t.ageBand} IN ('17-29', '30-44', '45-59', '60+')`
		),
		index('survey_responses_survey').on(t.surveyId),
		index('survey_responses_address').on(t.surveyId, t.addressHash, t.createdAt),
		uniqueIndex('survey_responses_device').on(t.surveyId, t.deviceHash)
	]
);

/** One answer: a score 1–4, or null for "tidak tahu". An unanswered statement has no row. */
export const surveyAnswers = sqliteTable(
	'survey_answers',
	{
		responseId: integer('response_id')
			.notNull()
			.references(() => surveyResponses.id),
		statementCode: text('statement_code').notNull(),
		score: integer('score')
	},
	(t) => [
		primaryKey({ columns: [t.responseId, t.statementCode] }),
		check('survey_answers_score', sql`${t.score} IS NULL OR ${t.score} BETWEEN 1 AND 4`)
	]
);

export type Survey = typeof surveys.$inferSelect;

/**
 * The region's quick wins (Kominfo's Quick Win dimension): what the instrument asks of each, one
 * text per criterion (`$lib/evaluation/quick-win-input`), and the last year it was continued to.
 */
export const quickWins = sqliteTable(
	'quick_wins',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		regionCode: text('region_code')
			.notNull()
			.references(() => regions.code),
		name: text('name').notNull(),
		opd: text('opd').notNull(),
		startYear: integer('start_year').notNull(),
		/** The last year it ran; raised by carrying its risks on. Null: its start year only. */
		continuedTo: integer('continued_to'),
		rpjmdProblem: text('rpjmd_problem').notNull(),
		formulatedWith: text('formulated_with').notNull(),
		perumusan: text('perumusan').notNull().default(''),
		dayaTarik: text('daya_tarik').notNull().default(''),
		manfaat: text('manfaat').notNull().default(''),
		keunikan: text('keunikan').notNull().default(''),
		kemitraan: text('kemitraan').notNull().default(''),
		pengembangan: text('pengembangan').notNull().default(''),
		keberlangsungan: text('keberlangsungan').notNull().default(''),
		sumberDaya: text('sumber_daya').notNull().default(''),
		createdBy: text('created_by').notNull(),
		updatedAt: text('updated_at')
			.notNull()
			.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`)
	},
	(t) => [
		yearCheck('quick_wins_start_year', t.startYear),
		check(
			'quick_wins_continued_to',
			sql`${t.continuedTo} IS NULL OR (${t.continuedTo} >= ${t.startYear} AND ${t.continuedTo} <= ${sql.raw(String(MAX_YEAR))})`
		),
		check('quick_wins_name', sql`length(trim(${t.name})) > 0`),
		index('quick_wins_region').on(t.regionCode)
	]
);

/**
 * A quick win's risk register, one row per risk and year: carrying a risk to the next year copies
 * it with `carried_from` naming last year's row, which stays as it was (the history).
 */
export const quickWinRisks = sqliteTable(
	'quick_win_risks',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		quickWinId: integer('quick_win_id')
			.notNull()
			.references(() => quickWins.id),
		year: integer('year').notNull(),
		risk: text('risk').notNull(),
		cause: text('cause').notNull(),
		likelihood: integer('likelihood').notNull(),
		impact: integer('impact').notNull(),
		mitigation: text('mitigation').notNull(),
		owner: text('owner').notNull(),
		status: text('status', { enum: RISK_STATUSES }).notNull().default('open'),
		carriedFrom: integer('carried_from').references((): AnySQLiteColumn => quickWinRisks.id),
		createdBy: text('created_by').notNull(),
		createdAt: text('created_at')
			.notNull()
			.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`)
	},
	(t) => [
		yearCheck('quick_win_risks_year', t.year),
		check(
			'quick_win_risks_scale',
			sql`${t.likelihood} BETWEEN ${sql.raw(String(RISK_SCALE.min))} AND ${sql.raw(String(RISK_SCALE.max))} AND ${t.impact} BETWEEN ${sql.raw(String(RISK_SCALE.min))} AND ${sql.raw(String(RISK_SCALE.max))}`
		),
		check('quick_win_risks_status', inList('status', RISK_STATUSES)),
		index('quick_win_risks_quick_win').on(t.quickWinId, t.year),
		uniqueIndex('quick_win_risks_carried').on(t.carriedFrom)
	]
);

export type QuickWin = typeof quickWins.$inferSelect;
export type QuickWinRisk = typeof quickWinRisks.$inferSelect;
