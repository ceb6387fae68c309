/**
 * One target from the form, validated by the import module's own targets schema: the fields are
 * written as a one-row CSV and go through `validateCsv`, so a form entry and an uploaded file are
 * refused for the same reasons, with the same error codes (a value outside the indicator's possible
 * range, `1.234` on a 0–100 index, is refused there). The page words the errors for a form (the
 * field's label and an example), not for a file.
 *
 * A valid target can still be a slip: far from the latest value, or moving against the indicator's
 * polarity (a 2026 target below the 2025 one on a higher-is-better indicator). `targetDoubts` names
 * those, and the page asks for a confirmation before saving.
 */
import { createHash } from 'node:crypto';
import { csvRows } from '$lib/csv/write';
import {
	kindSchemas,
	validateCsv,
	type ImportError,
	type IndicatorInfo,
	type Locale,
	type TargetRow
} from '$lib/import';

export const FIELDS = [
	'year',
	'value',
	'document_type',
	'document_ref',
	'source',
	'note',
	'illustrative',
	'confirm'
] as const;

export type TargetForm = Record<(typeof FIELDS)[number], string>;

export function readTargetForm(form: FormData): TargetForm {
	const out = {} as TargetForm;
	for (const f of FIELDS) out[f] = String(form.get(f) ?? '').slice(0, 2000);
	// A checkbox sends nothing when unticked.
	out.illustrative = out.illustrative ? 'true' : 'false';
	out.confirm = out.confirm === 'yes' ? 'yes' : '';
	return out;
}

/**
 * A problem with one field. `kind` says how the page words it for a form (the validator's own
 * message speaks of cells and files): `required` for an empty field, `year` and `number` for a
 * year or value that is not one, `other` for the validator's message as it is (a value outside
 * the indicator's possible range, a document type that is not on the list).
 */
export interface FieldError {
	field: string;
	kind: 'required' | 'year' | 'number' | 'other';
	code: ImportError['code'];
	message: ImportError['message'];
}

function kindOf(form: TargetForm, field: string, code: ImportError['code']): FieldError['kind'] {
	const value = (form as Record<string, string>)[field];
	if (value !== undefined && value.trim() === '') return 'required';
	if (field === 'year' && (code === 'type-error' || code === 'constraint-error')) return 'year';
	if (field === 'value' && code === 'type-error') return 'number';
	return 'other';
}

/**
 * Validates one target for `region` and `indicator`. Example: `validateTarget(form, 'id', '33.18',
 * 'hdi_ipm', info)` → `{ ok: true, row, csv }` or `{ ok: false, errors }` naming the form fields.
 */
export function validateTarget(
	form: TargetForm,
	locale: Locale,
	region: string,
	indicator: string,
	info: IndicatorInfo,
	options: { allowIllustrative?: boolean } = {}
): { ok: true; row: TargetRow; csv: string; sha256: string } | { ok: false; errors: FieldError[] } {
	const delimiter = locale === 'id' ? ';' : ',';
	const columns = kindSchemas.targets.columns.map((c) => c.name);
	const cells: Record<string, string> = { ...form, region_code: region, indicator_code: indicator };
	delete cells.confirm;
	const csv = csvRows([columns, columns.map((c) => cells[c] ?? '')], delimiter);
	const report = validateCsv(new TextEncoder().encode(csv), {
		kind: 'targets',
		locale,
		fileName: 'staff-targets-form.csv',
		allowIllustrative: options.allowIllustrative,
		context: {
			regions: new Set([region]),
			frameworks: new Set([info.frameworkCode]),
			nodes: new Map(),
			indicators: new Map([[indicator, info]])
		}
	});
	if (report.status === 'valid' && report.rows.length === 1) {
		return {
			ok: true,
			row: report.rows[0],
			csv,
			sha256: createHash('sha256').update(csv).digest('hex')
		};
	}
	return {
		ok: false,
		errors: report.errors.map((e) => {
			const field = e.column ?? 'form';
			return { field, kind: kindOf(form, field, e.code), code: e.code, message: e.message };
		})
	};
}

/** Why a valid target may be a slip. The page shows each with its reason and asks to confirm. */
export type TargetDoubt =
	| {
			code: 'far-from-latest';
			latest: { year: number; value: number };
			/** Half the scoring range, the distance beyond which a target is "far"; null without
			 *  bounds, where "far" is more than double or less than half the latest value. */
			limit: number | null;
	  }
	| { code: 'against-latest'; latest: { year: number; value: number } }
	| {
			code: 'against-earlier-target' | 'against-later-target';
			other: { year: number; value: number };
	  };

export interface TargetFacts {
	polarity: 'higher' | 'lower';
	worst: number | null;
	best: number | null;
	/** The region's latest observed value, if any. */
	latest: { year: number; value: number } | null;
	/** The current targets of other years (the year being set is left out). */
	targets: { year: number; value: number }[];
}

/**
 * `targetDoubts({ year: 2026, value: 70 }, { polarity: 'higher', worst: 60, best: 85, latest: null,
 * targets: [{ year: 2025, value: 72 }] })` → `[{ code: 'against-earlier-target', other: { year: 2025, value: 72 } }]`.
 * "Far" is more than half the scoring range (|best − worst| / 2) from the latest value; without
 * bounds, more than double or less than half of it.
 */
export function targetDoubts(
	target: { year: number; value: number },
	facts: TargetFacts
): TargetDoubt[] {
	const doubts: TargetDoubt[] = [];
	// Worse than `b` by the indicator's polarity.
	const worse = (a: number, b: number) => (facts.polarity === 'higher' ? a < b : a > b);
	const { latest } = facts;
	if (latest && latest.year < target.year) {
		if (worse(target.value, latest.value)) doubts.push({ code: 'against-latest', latest });
		const span =
			facts.worst !== null && facts.best !== null ? Math.abs(facts.best - facts.worst) : null;
		const distance = Math.abs(target.value - latest.value);
		if (span !== null && span > 0) {
			if (distance > span / 2) doubts.push({ code: 'far-from-latest', latest, limit: span / 2 });
		} else if (latest.value !== 0) {
			const ratio = target.value / latest.value;
			if (ratio > 2 || ratio < 0.5) doubts.push({ code: 'far-from-latest', latest, limit: null });
		}
	}
	// The nearest earlier target that this one falls behind, and the nearest later one it beats.
	const earlier = facts.targets
		.filter((t) => t.year < target.year && worse(target.value, t.value))
		.sort((a, b) => b.year - a.year)[0];
	if (earlier) doubts.push({ code: 'against-earlier-target', other: earlier });
	const later = facts.targets
		.filter((t) => t.year > target.year && worse(t.value, target.value))
		.sort((a, b) => a.year - b.year)[0];
	if (later) doubts.push({ code: 'against-later-target', other: later });
	return doubts;
}
