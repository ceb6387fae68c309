/**
 * Whether a row whose cells were read (`cells.ts`) agrees with what is known: the context (the
 * regions, region names, frameworks, nodes and indicators the rows may refer to) and the rows of
 * the same file above it (a key given once, a parent given earlier, one value per region,
 * indicator and year), and whether a value is possible for its indicator at all (`ranges.ts`).
 * Apart from the validator because this is the part with state that grows with the file, and
 * with the caches that keep a sorted million-row file cheap: the last region, indicator and
 * year list accepted, and each distinct region name's code. One `RowRules` per file, made once
 * its header is bound (`header.ts`); the validator (`validate.ts`) calls it for every row.
 */
import { cellText, detached, INVALID, type CellErrors } from './cells';
import type { BoundColumn, FileFacts, HeaderBinding, YearColumn } from './header';
import { msg } from './messages';
import { outsideRange, possibleRange, type PossibleRange } from './ranges';
import { preferredKinds, RegionNameIndex } from './region-match';
import { MAX_YEAR, MIN_YEAR, type ImportKind, type IndicatorInfo, type Message } from './types';

/** Distinct region names remembered per file: a real file has a few hundred; junk is forgotten. */
const MAX_REMEMBERED_NAMES = 10_000;

/** Where a row's problem is reported: the validator's error list. */
export interface RuleErrors extends CellErrors {
	/** Whether another error would still be kept in the report (past `maxErrors` it is only counted). */
	readonly keepsErrors: boolean;
}

/**
 * What the region and indicator of an observation or target come to: the indicator's info when
 * known, null when the indicator cell was already invalid, INVALID when a key is unknown.
 */
export type IndicatorOfRow = IndicatorInfo | null | typeof INVALID;

type Row = Record<string, unknown>;

/** Each indicator's possible range, worked out once per validation (a file names few indicators). */
const rangeCache = new WeakMap<IndicatorInfo, PossibleRange>();
function rangeOf(info: IndicatorInfo): PossibleRange {
	let range = rangeCache.get(info);
	if (!range) rangeCache.set(info, (range = possibleRange(info)));
	return range;
}

/** The message for a value outside its indicator's possible range. */
function rangeMessage(text: string, info: IndicatorInfo, indicator: string): Message {
	return info.valueType === 'number'
		? msg.valueRange(text, rangeOf(info), info.unit ?? '', indicator)
		: msg.valueType(text, info.valueType, indicator);
}

export class RowRules {
	private readonly regionIndex: RegionNameIndex | null;
	/** Each distinct name's region code, or the error it gets: a name is looked up once. */
	private readonly regionOfText = new Map<string, string | Message>();
	/** The labels of a long observations or targets row's value and year, as the header wrote them. */
	private readonly valueLabel: string;
	private readonly yearLabel: string;

	private readonly keys = new Map<string, number>();
	/** region → indicator → first row per year (0 = not seen): compact for a million keys. */
	private readonly yearKeys = new Map<string, Map<string, Int32Array>>();
	private readonly fileRegions = new Set<string>();
	private readonly fileNodes = new Set<string>();
	/** The last known region and indicator, and the years seen for that pair (files come sorted). */
	private lastRegion: string | null = null;
	private lastIndicator: { code: string; info: IndicatorInfo } | null = null;
	private lastYears: { region: string; indicator: string; years: Int32Array } | null = null;

	constructor(
		private readonly kind: ImportKind,
		private readonly columns: HeaderBinding,
		private readonly facts: FileFacts,
		private readonly errors: RuleErrors
	) {
		const names = columns.nameColumn;
		this.regionIndex = names
			? new RegionNameIndex(facts.context.regionNames ?? new Map(), preferredKinds(names.label))
			: null;
		this.valueLabel = this.label('value');
		this.yearLabel = this.label('year');
	}

	/** The label the header gave a column, else its canonical name. */
	private label(name: string): string {
		return this.columns.byName.get(name)?.label ?? name;
	}

	/** The checks of a long row of the file's kind, its cells read into `out`; false when one fails. */
	checkRow(out: Row, row: number, cells: string[]): boolean {
		switch (this.kind) {
			case 'regions':
				return this.checkRegion(out, row);
			case 'frameworks':
				return this.checkFramework(out, row);
			case 'nodes':
				return this.checkNode(out, row);
			case 'indicators':
				return this.checkIndicator(out, row);
			default:
				return this.checkObservation(out, row, cells);
		}
	}

	/** A long observation or target: its keys, its value's range, its year once per region and indicator. */
	private checkObservation(out: Row, row: number, cells: string[]): boolean {
		const info = this.checkRegionIndicator(out, row);
		let ok = info !== INVALID;
		if (typeof out.value === 'number' && info && info !== INVALID) {
			if (outsideRange(out.value, rangeOf(info))) {
				const text = cellText(cells, this.columns.valueColumn as BoundColumn);
				this.errors.error(
					'constraint-error',
					row,
					this.valueLabel,
					text,
					rangeMessage(text, info, out.indicatorCode as string)
				);
				ok = false;
			}
		}
		if (
			typeof out.year === 'number' &&
			typeof out.regionCode === 'string' &&
			typeof out.indicatorCode === 'string' &&
			!this.uniqueYear(out.regionCode, out.indicatorCode, out.year, row, this.yearLabel)
		)
			ok = false;
		return ok;
	}

	/**
	 * A wide row's value under one year (`text` as the cell holds it): possible for the row's
	 * indicator, and the only one for its region, indicator and year.
	 */
	checkYearValue(
		shared: Row,
		info: IndicatorOfRow,
		value: number,
		y: YearColumn,
		text: string,
		row: number
	): boolean {
		if (info && info !== INVALID && outsideRange(value, rangeOf(info))) {
			this.errors.error(
				'constraint-error',
				row,
				y.label,
				text,
				rangeMessage(text, info, shared.indicatorCode as string)
			);
			return false;
		}
		if (typeof shared.regionCode === 'string' && typeof shared.indicatorCode === 'string')
			return this.uniqueYear(shared.regionCode, shared.indicatorCode, y.year, row, y.label, text);
		return true;
	}

	/**
	 * The region a row names (`region_name`) as its code in `out`; false with the problem
	 * reported. A blank name takes the default region, if one was given.
	 */
	regionOfName(cells: string[], row: number, out: Row): boolean {
		const b = this.columns.nameColumn as BoundColumn;
		const text = cellText(cells, b);
		if (text === '') {
			if (this.facts.defaultRegion !== undefined) return true;
			this.errors.error('constraint-error', row, b.label, '', msg.required(b.label));
			return false;
		}
		let region = this.regionOfText.get(text);
		if (region === undefined) {
			// A copy, for the key and the message both: a slice would pin its whole chunk.
			const name = detached(text);
			region = this.lookUpName(name);
			if (this.regionOfText.size >= MAX_REMEMBERED_NAMES) this.regionOfText.clear();
			this.regionOfText.set(name, region);
		}
		if (typeof region === 'string') {
			out.regionCode = region;
			return true;
		}
		this.errors.error('foreign-key-error', row, b.label, text, region);
		return false;
	}

	/** A name's region code, or the message of its error (with the nearest names, while errors are kept). */
	private lookUpName(text: string): string | Message {
		const index = this.regionIndex as RegionNameIndex;
		const match = index.match(text);
		if (match.status === 'found') return match.code;
		if (match.status === 'ambiguous') return msg.ambiguousRegionName(text, match.candidates);
		// Past maxErrors the message is never shown: spare the comparison with every region.
		return msg.unknownRegionName(text, this.errors.keepsErrors ? index.suggest(text) : []);
	}

	/** The region and indicator of an observation or target (long or wide) against the context. */
	checkRegionIndicator(out: Row, row: number): IndicatorOfRow {
		const ctx = this.facts.context;
		let bad = false;
		const region = out.regionCode;
		if (typeof region === 'string' && region !== this.lastRegion) {
			if (region === this.facts.defaultRegion && !this.columns.defaultRegionOk) bad = true;
			else if (ctx.regions.has(region)) this.lastRegion = region;
			else {
				this.errors.error(
					'foreign-key-error',
					row,
					this.columns.nameColumn?.label ?? this.label('region_code'),
					region,
					msg.unknownRegion(region)
				);
				bad = true;
			}
		}
		const indicator = out.indicatorCode;
		let info: IndicatorInfo | null = null;
		if (typeof indicator === 'string' && indicator === this.lastIndicator?.code) {
			info = this.lastIndicator.info;
		} else if (indicator === this.facts.fileIndicator && !this.columns.fileIndicatorOk) {
			// Reported once, at the header.
			bad = true;
		} else if (typeof indicator === 'string') {
			info = ctx.indicators.get(indicator) ?? null;
			if (info) this.lastIndicator = { code: indicator, info };
			else {
				this.errors.error(
					'foreign-key-error',
					row,
					this.label('indicator_code'),
					indicator,
					msg.unknownIndicator(indicator)
				);
				bad = true;
			}
		}
		return bad ? INVALID : info;
	}

	/** Records a key; false (and a `unique-error`) when it was seen before. */
	private unique(key: string, shown: string, row: number, column: string, value: string): boolean {
		const first = this.keys.get(key);
		if (first !== undefined) {
			this.errors.error('unique-error', row, column, value, msg.unique(shown, first));
			return false;
		}
		this.keys.set(key, row);
		return true;
	}

	private uniqueYear(
		region: string,
		indicator: string,
		year: number,
		row: number,
		column: string,
		/**
		 * What the cell holds: the value under the year in a wide file; in a long one the year
		 * itself, written out only for an error (a string per row otherwise).
		 */
		cell?: string
	): boolean {
		let years: Int32Array;
		const last = this.lastYears;
		if (last !== null && last.region === region && last.indicator === indicator) years = last.years;
		else {
			let byIndicator = this.yearKeys.get(region);
			if (!byIndicator) this.yearKeys.set(detached(region), (byIndicator = new Map()));
			let found = byIndicator.get(indicator);
			if (!found) {
				found = new Int32Array(MAX_YEAR - MIN_YEAR + 1);
				byIndicator.set(detached(indicator), found);
			}
			years = found;
			this.lastYears = { region, indicator, years };
		}
		const first = years[year - MIN_YEAR];
		if (first !== 0) {
			this.errors.error(
				'unique-error',
				row,
				column,
				cell ?? String(year),
				msg.unique(`${region} / ${indicator} / ${year}`, first)
			);
			return false;
		}
		years[year - MIN_YEAR] = row;
		return true;
	}

	private checkRegion(out: Row, row: number): boolean {
		let ok = true;
		const code = out.code;
		if (typeof code === 'string') {
			ok = this.unique(code, code, row, this.label('code'), code);
			this.fileRegions.add(code);
		}
		const parent = out.parentCode;
		if (
			typeof parent === 'string' &&
			!this.facts.context.regions.has(parent) &&
			!(this.fileRegions.has(parent) && parent !== code)
		) {
			this.errors.error(
				'foreign-key-error',
				row,
				this.label('parent_code'),
				parent,
				msg.unknownParentRegion(parent)
			);
			ok = false;
		}
		return ok;
	}

	private checkFramework(out: Row, row: number): boolean {
		let ok = true;
		if (typeof out.code === 'string')
			ok = this.unique(out.code, out.code, row, this.label('code'), out.code);
		if (
			typeof out.yearFrom === 'number' &&
			typeof out.yearTo === 'number' &&
			out.yearTo < out.yearFrom
		) {
			this.errors.error(
				'constraint-error',
				row,
				this.label('year_to'),
				String(out.yearTo),
				msg.yearOrder()
			);
			ok = false;
		}
		return ok;
	}

	private checkFrameworkCode(framework: unknown, row: number): boolean {
		if (typeof framework !== 'string' || this.facts.context.frameworks.has(framework)) return true;
		this.errors.error(
			'foreign-key-error',
			row,
			this.label('framework_code'),
			framework,
			msg.unknownFramework(framework)
		);
		return false;
	}

	private checkNode(out: Row, row: number): boolean {
		let ok = this.checkFrameworkCode(out.frameworkCode, row);
		const fw = out.frameworkCode;
		if (typeof fw !== 'string') return ok;
		if (typeof out.code === 'string') {
			const key = fw + '\u0000' + out.code;
			ok = this.unique(key, `${fw} / ${out.code}`, row, this.label('code'), out.code) && ok;
			this.fileNodes.add(key);
		}
		const parent = out.parentCode;
		if (
			typeof parent === 'string' &&
			(parent === out.code ||
				!(
					this.facts.context.nodes.get(fw)?.has(parent) ||
					this.fileNodes.has(fw + '\u0000' + parent)
				))
		) {
			this.errors.error(
				'foreign-key-error',
				row,
				this.label('parent_code'),
				parent,
				msg.unknownNode(parent, fw)
			);
			ok = false;
		}
		return ok;
	}

	private checkIndicator(out: Row, row: number): boolean {
		let ok = true;
		if (typeof out.code === 'string')
			ok = this.unique(out.code, out.code, row, this.label('code'), out.code);
		ok = this.checkFrameworkCode(out.frameworkCode, row) && ok;
		const fw = out.frameworkCode;
		const element = out.elementCode;
		const context = this.facts.context;
		if (
			typeof fw === 'string' &&
			typeof element === 'string' &&
			context.frameworks.has(fw) &&
			!context.nodes.get(fw)?.has(element)
		) {
			this.errors.error(
				'foreign-key-error',
				row,
				this.label('element_code'),
				element,
				msg.unknownNode(element, fw)
			);
			ok = false;
		}
		const { method, polarity, valueType, worst, best, benchmark } = out;
		const num = (v: unknown) => (typeof v === 'number' ? String(v) : null);
		if (method === 'minmax' && (worst === null || best === null || worst === best)) {
			const column = worst === null ? 'worst' : 'best';
			this.errors.error(
				'constraint-error',
				row,
				this.label(column),
				num(out[column]),
				msg.minmaxBounds()
			);
			ok = false;
		} else if (
			typeof worst === 'number' &&
			typeof best === 'number' &&
			typeof polarity === 'string' &&
			(polarity === 'higher' ? best <= worst : best >= worst)
		) {
			this.errors.error(
				'constraint-error',
				row,
				this.label('best'),
				String(best),
				msg.polarityBounds(polarity)
			);
			ok = false;
		}
		if (method === 'bands' && benchmark === null) {
			this.errors.error(
				'constraint-error',
				row,
				this.label('benchmark'),
				null,
				msg.bandsBenchmark()
			);
			ok = false;
		}
		if (method === 'level' && typeof valueType === 'string' && valueType !== 'level') {
			this.errors.error('constraint-error', row, this.label('method'), 'level', msg.levelMethod());
			ok = false;
		}
		return ok;
	}
}
