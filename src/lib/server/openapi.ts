/**
 * The OpenAPI 3.1 description of /api/v1: every path, parameter and answer. Served at
 * /api/v1/openapi.json and read by the docs page at /api; tests/e2e/openapi.spec.ts checks real
 * answers against these schemas and that every route in src/routes/api/v1 has a path here.
 * Operations carry `x-summary-id` (Indonesian summary) for the docs page.
 */
import { STATUSES } from '$lib/availability';
import {
	BUDGET_SOURCES,
	MAX_YEAR,
	METHODS,
	MIN_YEAR,
	NULL_REASONS,
	POLARITIES,
	PROGRAMME_KINDS,
	REGION_KINDS,
	SOURCE_KINDS,
	TARGET_DOCUMENTS,
	TREND_STATES,
	VALUE_TYPES
} from '$lib/domain';
import { INSTRUMENT_PARTS } from '$lib/submission/instrument';
import { FORMATS, PAGE_DEFAULT, PAGE_MAX } from './api';

type Json = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const nullable = (type: string) => ({ type: [type, 'null'] });
const nullableRef = (name: string) => ({ anyOf: [ref(name), { type: 'null' }] });
const param = (name: string) => ({ $ref: `#/components/parameters/${name}` });

const object = (properties: Json, required = Object.keys(properties)) => ({
	type: 'object',
	additionalProperties: false,
	required,
	properties
});

const schemas: Record<string, Json> = {
	Error: object({
		error: object({
			code: {
				type: 'string',
				enum: ['bad_parameter', 'not_found', 'rate_limited'],
				description: 'Machine-readable reason.'
			},
			message: { type: 'string', description: 'What went wrong, naming the parameter.' }
		})
	}),
	Region: object({
		code: {
			type: 'string',
			description: 'Kemendagri code: 33 province, 33.18 kabupaten.',
			examples: ['33.18']
		},
		name: { type: 'string' },
		kind: { type: 'string', enum: [...REGION_KINDS] },
		parent_code: nullable('string')
	}),
	Framework: object({
		code: { type: 'string', examples: ['gm100sc-2018'] },
		version: { type: 'string' },
		name_id: { type: 'string' },
		name_en: { type: 'string' },
		year_from: { type: 'integer', description: 'First assessment year this version applies to.' },
		year_to: { ...nullable('integer'), description: 'Last year; null while in force.' },
		source: { type: 'string' }
	}),
	FrameworkNode: object({
		code: { type: 'string' },
		level: {
			type: 'string',
			description: 'dimension / element (GM100SC), domain / aspect (SPBE).'
		},
		name_id: { type: 'string' },
		name_en: { type: 'string' },
		description_id: { type: 'string' },
		description_en: { type: 'string' },
		weight: { type: 'number', minimum: 0 },
		children: { type: 'array', items: ref('FrameworkNode') },
		indicators: {
			type: 'array',
			items: object({
				code: { type: 'string' },
				name_id: { type: 'string' },
				name_en: { type: 'string' },
				unit: { type: 'string' },
				weight: { type: 'number', minimum: 0 }
			})
		}
	}),
	FrameworkTree: object({
		code: { type: 'string' },
		version: { type: 'string' },
		name_id: { type: 'string' },
		name_en: { type: 'string' },
		year_from: { type: 'integer' },
		year_to: nullable('integer'),
		source: { type: 'string' },
		nodes: { type: 'array', items: ref('FrameworkNode') }
	}),
	Indicator: object({
		code: { type: 'string', examples: ['hdi_ipm'] },
		framework_code: { type: 'string' },
		name_id: { type: 'string' },
		name_en: { type: 'string' },
		dimension_code: nullable('string'),
		element_code: { type: 'string' },
		unit: { type: 'string' },
		polarity: { type: 'string', enum: [...POLARITIES] },
		value_type: { type: 'string', enum: [...VALUE_TYPES] },
		method: { type: 'string', enum: [...METHODS] },
		worst: { ...nullable('number'), description: 'Value scoring 0.' },
		best: { ...nullable('number'), description: 'Value scoring 100.' },
		benchmark: {
			...nullable('number'),
			description: 'bands method: the value earning full points.'
		},
		weight: { type: 'number', minimum: 0, description: '0 = context indicator, never scored.' },
		opd: { type: 'string', description: 'Producing agency (OPD).' },
		year_from: {
			...nullable('integer'),
			description: 'First year the indicator applies; null = from the framework’s first year.'
		},
		decimals: {
			...nullable('integer'),
			description: 'Decimals a reader sees; null = as the value has.'
		},
		break_years: {
			type: 'array',
			items: { type: 'integer' },
			description:
				'Years from which the series is on a new basis (BPS life expectancy and IPM from 2024): no trend or comparison runs across one.'
		}
	}),
	Observation: object({
		region_code: { type: 'string' },
		indicator_code: { type: 'string' },
		year: { type: 'integer' },
		value: { type: 'number' },
		source: { type: 'string', description: 'URL or document the value was read in.' },
		source_kind: {
			type: 'string',
			enum: ['', ...SOURCE_KINDS],
			description:
				'Who published it: bps (a BPS page), salinan_bps (a public copy of a BPS table), pemerintah (government), berita (news), lainnya (other); empty when not stated.'
		},
		reference_period: {
			type: 'string',
			description:
				'The period the value measures, as printed (Maret 2023, SSGI 2022); empty when not stated.'
		},
		note: { type: 'string' },
		carried_forward: {
			type: 'boolean',
			description:
				'Always false here: a stored value is of its own year; only a score may use an earlier one.'
		},
		illustrative: {
			type: 'boolean',
			description:
				'True when invented for the opt-in demo, not from a real source; a real instance holds none.'
		}
	}),
	Target: object({
		region_code: { type: 'string' },
		indicator_code: { type: 'string' },
		year: { type: 'integer' },
		value: { type: 'number' },
		document_type: { type: 'string', enum: [...TARGET_DOCUMENTS] },
		document_ref: { type: 'string', description: 'Page, table or chapter of the document.' },
		source: { type: 'string', description: 'The planning document: title, number, URL.' },
		note: { type: 'string' },
		illustrative: { type: 'boolean' }
	}),
	Availability: object({
		region_code: { type: 'string' },
		framework_code: { type: 'string' },
		dimension_code: nullable('string'),
		indicator_code: { type: 'string' },
		year: { type: 'integer' },
		status: { type: 'string', enum: [...STATUSES] }
	}),
	OfficialHistoryEntry: object({
		year: { type: 'integer' },
		origin: {
			type: 'string',
			enum: ['published', 'recorded', 'derived'],
			description:
				'published: a table of a Kominfo letter bundled with the data; recorded: typed in by staff from a later letter; derived: computed from the next year’s printed Indeks Peningkatan, never published.'
		},
		derived: { type: 'boolean' },
		derived_note_id: {
			...nullable('string'),
			description: 'For a derived value: what it is, in Indonesian; else null.'
		},
		derived_note_en: { ...nullable('string'), description: 'The same in English.' },
		derived_from_year: {
			...nullable('integer'),
			description: 'The year whose printed improvement gives this value.'
		},
		cohort_id: { ...nullable('string'), description: 'Null for a derived value.' },
		cohort_en: nullable('string'),
		scores: {
			...object(
				Object.fromEntries(
					INSTRUMENT_PARTS.map((p) => [p, { ...nullable('number'), minimum: 0, maximum: 4 }])
				)
			),
			description:
				'Kominfo’s dimension scores (Baseline, Output, Outcome, Impact, Quick Win, Kolaborasi) on its 0–4 scale; null where the result does not score one.'
		},
		final: {
			type: 'number',
			minimum: 0,
			maximum: 4,
			description:
				'The final index (Nilai Final / Indeks Pencapaian), 0–4. Not the 0–100 Indeks Rapor Cerdas.'
		},
		improvement: {
			...nullable('number'),
			description: 'The letter’s Indeks Peningkatan as printed, or null.'
		},
		change: {
			...nullable('number'),
			description: 'final minus the previous entry’s final (two decimals); null for the oldest.'
		},
		change_from_year: {
			...nullable('integer'),
			description: 'The year change is measured from: year − 1 unless years are missing.'
		},
		letter: { type: 'string', description: 'The letter’s number: the source.' },
		letter_date: nullable('string'),
		source_href: { type: 'string', description: 'Where the letter can be read; may be empty.' },
		table: {
			...nullable('string'),
			description: 'Code of the bundled table (data/official/tables.csv), if any.'
		}
	}),
	ProgrammeProgress: object({
		year: { type: 'integer' },
		planned: { type: 'string' },
		done: { type: 'string' },
		percent: {
			type: 'number',
			minimum: 0,
			maximum: 100,
			description: '% realised, as the OPD reported it.'
		},
		evidence: { type: 'string', description: 'A link or a reference to the report it rests on.' }
	}),
	Programme: object({
		id: { type: 'integer' },
		name: { type: 'string' },
		element: { type: 'string', description: 'The GM100SC element it belongs to.' },
		pillar: { type: 'string', description: 'The element’s dimension.' },
		kind: {
			type: 'string',
			enum: [...PROGRAMME_KINDS],
			description: 'programme, or an action plan: sdm, infrastruktur, aplikasi, literasi.'
		},
		opd: { type: 'string' },
		start_year: { type: 'integer' },
		masterplan_title: { type: 'string' },
		masterplan_page: nullable('integer'),
		budget_source: { anyOf: [{ type: 'string', enum: [...BUDGET_SOURCES] }, { type: 'null' }] },
		budget: { ...nullable('number'), description: 'Rupiah.' },
		quick_win: { type: 'boolean' },
		source: { type: 'string' },
		progress: { type: 'array', items: ref('ProgrammeProgress') }
	}),
	ProgrammeRegister: object({
		region: object({ code: { type: 'string' }, name: { type: 'string' } }),
		framework: { type: 'string' },
		approved_only: { type: 'boolean', const: true },
		programmes: { type: 'array', items: ref('Programme') }
	}),
	OfficialHistory: object({
		region: object({ code: { type: 'string' }, name: { type: 'string' } }),
		scale: object({ min: { type: 'number' }, max: { type: 'number' } }),
		entries: { type: 'array', items: ref('OfficialHistoryEntry') }
	}),
	Rating: object({
		id: { type: 'string' },
		label_id: { type: 'string' },
		label_en: { type: 'string' },
		colour: { type: 'string' }
	}),
	NullReason: { anyOf: [{ type: 'string', enum: [...NULL_REASONS] }, { type: 'null' }] },
	Trend: { type: 'string', enum: [...TREND_STATES] },
	IndicatorScore: object({
		code: { type: 'string' },
		value: nullable('number'),
		year_used: {
			...nullable('integer'),
			description: 'Year of the value used (may be carried forward).'
		},
		method: { type: 'string', enum: [...METHODS] },
		worst: nullable('number'),
		best: nullable('number'),
		target: nullable('number'),
		polarity: { type: 'string', enum: [...POLARITIES] },
		weight: { type: 'number' },
		score: { ...nullable('number'), description: '0–100; null with a reason.' },
		trend: ref('Trend'),
		benchmark: nullable('number'),
		target_year: nullable('integer'),
		carried_forward: { type: 'boolean' },
		illustrative: { type: 'boolean' },
		source: nullable('string'),
		source_kind: nullable('string'),
		reference_period: nullable('string'),
		reason: ref('NullReason'),
		context: { type: 'boolean' },
		year_from: nullable('integer')
	}),
	Basis: object({
		indicators: { type: 'integer', description: 'Weighted indicators that apply in the year.' },
		scored: { type: 'integer', description: 'Of those, the ones with a score.' },
		carried_forward: {
			type: 'integer',
			description: 'Of the scored, values from an earlier year.'
		},
		illustrative: {
			type: 'integer',
			description: 'Of the scored, illustrative values (demo only).'
		},
		carried_share: {
			type: 'number',
			minimum: 0,
			maximum: 1,
			description: 'Share of the score’s weight resting on carried values.'
		}
	}),
	ElementScore: object({
		code: { type: 'string' },
		name_id: { type: 'string' },
		name_en: { type: 'string' },
		weight: { type: 'number' },
		score: nullable('number'),
		coverage: { type: 'number', minimum: 0, maximum: 1 },
		basis: ref('Basis'),
		trend: ref('Trend'),
		reason: ref('NullReason'),
		indicators: { type: 'array', items: ref('IndicatorScore') }
	}),
	DimensionScore: object({
		code: { type: 'string' },
		name_id: { type: 'string' },
		name_en: { type: 'string' },
		weight: { type: 'number' },
		score: nullable('number'),
		rating: nullableRef('Rating'),
		coverage: { type: 'number', minimum: 0, maximum: 1 },
		basis: ref('Basis'),
		trend: ref('Trend'),
		reason: ref('NullReason'),
		elements: { type: 'array', items: ref('ElementScore') }
	}),
	Predikat: object({
		id: { type: 'string' },
		label_id: { type: 'string' },
		label_en: { type: 'string' }
	}),
	Spbe: object({
		index: { ...nullable('number'), description: 'PermenPANRB 59/2020 index, 1–5, unrounded.' },
		index_rounded: { ...nullable('number'), description: 'Two decimals, as published.' },
		predikat: nullableRef('Predikat'),
		domains: {
			type: 'array',
			items: object({
				code: { type: 'string' },
				weight: { type: 'number' },
				index: nullable('number'),
				aspects: {
					type: 'array',
					items: object({
						code: { type: 'string' },
						weight: { type: 'number' },
						index: nullable('number')
					})
				}
			})
		},
		missing: { type: 'array', items: { type: 'string' } }
	}),
	Scores: object({
		region_code: { type: 'string' },
		year: { type: 'integer' },
		year_is_default: {
			type: 'boolean',
			description: 'True when no year was asked: the year the scorecard opens on.'
		},
		framework: { type: 'string' },
		profile: { type: 'string' },
		min_coverage: { type: 'number' },
		composite_min_coverage: { type: 'number' },
		max_carried_share: { type: 'number' },
		target_cap: { type: 'number' },
		aggregation: { type: 'string', enum: ['arithmetic', 'geometric'] },
		geometric_floor: { type: 'number' },
		composite: object({
			score: nullable('number'),
			rating: nullableRef('Rating'),
			coverage: { type: 'number', minimum: 0, maximum: 1 },
			rank: nullable('integer'),
			rank_interval: {
				anyOf: [
					{ type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 },
					{ type: 'null' }
				]
			},
			reason: ref('NullReason'),
			basis: ref('Basis')
		}),
		dimensions: { type: 'array', items: ref('DimensionScore') },
		spbe: { ...nullableRef('Spbe'), description: 'For an SPBE framework only; null otherwise.' }
	})
};

const YEAR = { type: 'integer', minimum: MIN_YEAR, maximum: MAX_YEAR };

/** Query parameters keyed by name, each given its `name` and `in` as OpenAPI wants them. */
const queryParameters = (definitions: Record<string, Json>): Record<string, Json> =>
	Object.fromEntries(
		Object.entries(definitions).map(([name, d]) => [name, { name, in: 'query', ...d }])
	);

const parameters = queryParameters({
	kind: {
		description: 'Region kind.',
		schema: { type: 'string', enum: [...REGION_KINDS] },
		example: 'kabupaten'
	},
	parent: { description: 'Code of the parent region.', schema: { type: 'string' }, example: '33' },
	region: { description: 'Kemendagri region code.', schema: { type: 'string' }, example: '33.18' },
	indicator: { description: 'Indicator code.', schema: { type: 'string' }, example: 'hdi_ipm' },
	framework: {
		description: 'Framework code.',
		schema: { type: 'string' },
		example: 'gm100sc-2018'
	},
	dimension: {
		description: 'Top-level node code: a GM100SC dimension or an SPBE domain.',
		schema: { type: 'string' },
		example: 'living'
	},
	year: { description: 'One year.', schema: YEAR, example: 2022 },
	year_from: { description: 'First year, inclusive.', schema: YEAR, example: 2018 },
	year_to: { description: 'Last year, inclusive.', schema: YEAR, example: 2024 },
	format: {
		description:
			'json (default) or csv: a header row, "," and decimal points; text a spreadsheet would run as a formula gets an apostrophe before it, at the start of a cell and after a "," or ";" inside it.',
		schema: { type: 'string', enum: [...FORMATS], default: 'json' }
	},
	limit: {
		description: `Page size, 1–${PAGE_MAX} (default ${PAGE_DEFAULT} when only offset is given). Without limit and offset the whole list is returned.`,
		schema: { type: 'integer', minimum: 1, maximum: PAGE_MAX }
	},
	offset: { description: 'Rows to skip (default 0).', schema: { type: 'integer', minimum: 0 } }
});

const errorResponse = (description: string) => ({
	description,
	content: { 'application/json': { schema: ref('Error') } }
});

const responses: Record<string, Json> = {
	NotModified: { description: 'The body has not changed since the ETag given in If-None-Match.' },
	BadParameter: errorResponse('An unknown parameter, or a malformed value; the message names it.'),
	NotFound: errorResponse('A code that names nothing.'),
	RateLimited: {
		...errorResponse('Too many requests from this address; wait Retry-After seconds.'),
		headers: { 'Retry-After': { schema: { type: 'integer' } } }
	}
};

const listHeaders = {
	ETag: {
		description: 'Weak tag of the body; send it back in If-None-Match.',
		schema: { type: 'string' }
	},
	'X-Total-Count': {
		description: 'Rows matching the filters, before pagination.',
		schema: { type: 'integer' }
	},
	Link: {
		description: 'With limit/offset: rel="next" and rel="prev" pages.',
		schema: { type: 'string' }
	}
};

/** A GET operation: its 200 answer, and the 304 and errors that every endpoint may give. */
function operation(
	summary: string,
	summaryId: string,
	parameters: Json[],
	ok: Json,
	description?: string
) {
	return {
		get: {
			summary,
			'x-summary-id': summaryId,
			...(description ? { description } : {}),
			parameters,
			responses: {
				'200': ok,
				'304': { $ref: '#/components/responses/NotModified' },
				'400': { $ref: '#/components/responses/BadParameter' },
				'404': { $ref: '#/components/responses/NotFound' },
				'429': { $ref: '#/components/responses/RateLimited' }
			}
		}
	};
}

function listOperation(
	summary: string,
	summaryId: string,
	schema: string,
	params: string[],
	description?: string
) {
	const ok = {
		description: `A JSON array of ${schema} rows, or CSV with format=csv.`,
		headers: listHeaders,
		content: {
			'application/json': { schema: { type: 'array', items: ref(schema) } },
			'text/csv': { schema: { type: 'string' } }
		}
	};
	return operation(
		summary,
		summaryId,
		[...params, 'format', 'limit', 'offset'].map(param),
		ok,
		description
	);
}

function oneOperation(
	summary: string,
	summaryId: string,
	schema: Json,
	params: Json[],
	description?: string
) {
	const ok = {
		description: 'OK',
		headers: { ETag: listHeaders.ETag },
		content: { 'application/json': { schema } }
	};
	return operation(summary, summaryId, params, ok, description);
}

/** The document; `server` is the public origin when known (the docs page shows full URLs). */
export function openApiDocument(server = '/'): Json {
	const required = (name: string, extra: Json = {}) => ({
		...parameters[name],
		required: true,
		...extra
	});
	return {
		openapi: '3.1.0',
		info: {
			title: 'Rapor Cerdas open data API',
			version: '1.0.0',
			summary: 'Indicators, observations, targets and scores of a smart-city scorecard.',
			description:
				'Read-only and public. Every GET answer carries a weak ETag and Cache-Control (send If-None-Match for a 304) and CORS Access-Control-Allow-Origin: *. Each address may make API_RATE_LIMIT requests a minute (600 by default); above that the answer is 429 with Retry-After. Errors are JSON { "error": { "code", "message" } }. Lists are JSON arrays (or CSV with format=csv); they are paginated only when limit or offset is given, with X-Total-Count and a Link header. Values flagged illustrative are not from a real source; only the opt-in demo instance holds any. Scores are the Indeks Rapor Cerdas: this project\'s 0–100 index of published indicators organised by the six GM100SC dimensions. They are not Kominfo\'s smart-city evaluation score, which Kominfo\'s assessors give on a 0–4 scale.',
			license: { name: 'MIT', identifier: 'MIT' }
		},
		servers: [{ url: server }],
		paths: {
			'/api/v1/regions': listOperation(
				'Regions (Kemendagri codes)',
				'Wilayah (kode Kemendagri)',
				'Region',
				['kind', 'parent']
			),
			'/api/v1/frameworks': listOperation(
				'Assessment frameworks',
				'Kerangka penilaian',
				'Framework',
				[]
			),
			'/api/v1/frameworks/{code}': oneOperation(
				'One framework as a tree: dimensions, elements and their indicators',
				'Satu kerangka sebagai pohon: dimensi, elemen dan indikatornya',
				ref('FrameworkTree'),
				[
					{
						name: 'code',
						in: 'path',
						required: true,
						schema: { type: 'string' },
						example: 'gm100sc-2018'
					}
				]
			),
			'/api/v1/indicators': listOperation(
				'Indicators with units, polarity and scoring bounds',
				'Indikator dengan satuan, arah dan batas penilaian',
				'Indicator',
				['framework', 'dimension']
			),
			'/api/v1/observations': listOperation(
				'Current observed values, each with its source',
				'Nilai terkini, masing-masing dengan sumbernya',
				'Observation',
				['region', 'indicator', 'framework', 'dimension', 'year', 'year_from', 'year_to']
			),
			'/api/v1/targets': listOperation(
				'Targets from planning documents (RPJMD, Renstra …)',
				'Target dari dokumen perencanaan (RPJMD, Renstra …)',
				'Target',
				['region', 'indicator', 'framework', 'dimension', 'year', 'year_from', 'year_to']
			),
			'/api/v1/availability': listOperation(
				'Data availability per indicator and year',
				'Ketersediaan data per indikator dan tahun',
				'Availability',
				['region', 'framework', 'indicator', 'dimension', 'year_from', 'year_to'],
				'region and framework default to the instance defaults (e.g. 33.18, gm100sc-2018).'
			),
			'/api/v1/scores': oneOperation(
				'Scores of one region and year, with every input needed to recompute them',
				'Skor satu wilayah dan tahun, dengan semua masukan untuk menghitung ulang',
				ref('Scores'),
				[
					required('region'),
					{
						...parameters.year,
						description:
							'Assessment year; without it, the year the scorecard opens on (year_is_default: true).'
					},
					param('framework'),
					{
						name: 'profile',
						in: 'query',
						description: 'Scoring profile code (default: the framework’s default profile).',
						schema: { type: 'string' },
						example: 'gm100sc-2018-default'
					}
				]
			),
			'/api/v1/official/history': oneOperation(
				'Kominfo’s evaluation results of one region, newest first, with the year-on-year change',
				'Hasil evaluasi Kominfo satu wilayah, terbaru dahulu, dengan perubahan antartahun',
				ref('OfficialHistory'),
				[
					{
						...parameters.region,
						description: 'Kemendagri region code (default: the instance’s region, e.g. 33.18).'
					}
				],
				'The ministry’s own results on its 0–4 scale (from the letters bundled in data/official/ and those staff recorded since), never this project’s 0–100 index. An entry with derived: true was computed from the next year’s printed Indeks Peningkatan and was never published; derived_note_id/en say so. An unknown region is a 404.'
			),
			'/api/v1/programmes': oneOperation(
				'The smart-city programme register, with approved progress per year',
				'Register program smart city, dengan progres tahunan yang sudah disetujui',
				ref('ProgrammeRegister'),
				[
					{
						name: 'pillar',
						in: 'query',
						description: 'A GM100SC dimension code (e.g. governance).',
						schema: { type: 'string' }
					},
					{
						name: 'opd',
						in: 'query',
						description: 'The OPD in charge.',
						schema: { type: 'string' }
					},
					{
						name: 'year',
						in: 'query',
						description: 'Programmes running that year, with that year’s progress only.',
						schema: YEAR
					},
					{
						name: 'kind',
						in: 'query',
						description: 'programme or an action-plan kind.',
						schema: { type: 'string', enum: [...PROGRAMME_KINDS] }
					}
				],
				'The masterplan’s programmes and action plans as /programmes shows them: only progress a walidata approved is public, and a percentage is the one the OPD reported, never computed. The default instance’s register starts empty; the demo’s programmes are named [Demo] …. An unknown pillar or kind is a 400 listing the known ones.'
			),
			'/api/v1/openapi.json': {
				get: {
					summary: 'This document',
					'x-summary-id': 'Dokumen ini',
					responses: {
						'200': {
							description: 'OpenAPI 3.1',
							content: { 'application/json': { schema: { type: 'object' } } }
						}
					}
				}
			}
		},
		components: { schemas, parameters, responses }
	};
}
