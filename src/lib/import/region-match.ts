/**
 * Region names to region codes, for observations and targets files that name their regions as a
 * BPS table does (`Kab. Pati`, `KOTA SEMARANG`) instead of giving the Kemendagri code.
 *
 * Names are compared case-, space- and punctuation-insensitively, with a kind word in front
 * (`Kabupaten`, `Kab.`, `Kota`, `Kecamatan`, `Kec.`, `Provinsi`, `Prov.`) naming the kind. A
 * bare name (`Pati`) matches every region whose name without its kind word is that name, so
 * `Pati` is Kabupaten Pati and the kecamatan Pati at once: ambiguous, unless the column's own
 * label says which kind it lists (`Kabupaten/Kota`, `Kecamatan`). Nothing is guessed beyond
 * that: `Kota Smg` is no region (an abbreviation could mean anything); the nearest names are
 * offered instead. A Kemendagri or BPS code in the name column is taken as the code.
 *
 * Pure. The validator builds one index per file and asks it once per distinct name.
 */
import { normaliseLabel } from './schemas';
import type { RegionInfo, RegionKind } from './types';

/** A region a name may mean, as the error messages list it. */
export interface RegionCandidate {
	code: string;
	name: string;
	kind: RegionKind;
}

export type RegionNameMatch =
	| { status: 'found'; code: string }
	| { status: 'ambiguous'; candidates: RegionCandidate[] }
	| { status: 'unknown' };

const UNKNOWN: RegionNameMatch = { status: 'unknown' };

/** The kind words a name may start with, spelled out or abbreviated as BPS tables do. */
const KIND_WORDS: ReadonlyMap<string, RegionKind> = new Map([
	['kabupaten', 'kabupaten'],
	['kab', 'kabupaten'],
	['kota', 'kota'],
	['kecamatan', 'kecamatan'],
	['kec', 'kecamatan'],
	['provinsi', 'provinsi'],
	['prov', 'provinsi']
]);

/** Words of a column label that say which kinds of region it lists (`Kabupaten/Kota`, `Kecamatan`). */
const LABEL_KINDS: ReadonlyMap<string, RegionKind> = new Map([
	['kabupaten', 'kabupaten'],
	['kab', 'kabupaten'],
	['regency', 'kabupaten'],
	['kota', 'kota'],
	['municipality', 'kota'],
	['city', 'kota'],
	['kecamatan', 'kecamatan'],
	['kec', 'kecamatan'],
	['subdistrict', 'kecamatan'],
	['district', 'kecamatan'],
	['provinsi', 'provinsi'],
	['prov', 'provinsi'],
	['province', 'provinsi']
]);

/** Lower-case words of a name, accents and punctuation gone: `'Kab. Pati'` → `['kab', 'pati']`. */
function words(text: string): string[] {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter((w) => w !== '');
}

/**
 * A name as it is compared: lower case, without accents, spaces or punctuation.
 * Example: `normaliseRegionName(' KOTA  Semarang ') === 'kotasemarang'`.
 */
export function normaliseRegionName(text: string): string {
	return words(text).join('');
}

/**
 * The kinds of region a column's label says it lists, or undefined when it names none: a bare
 * name that several regions share is then the one of these kinds, if only one is.
 * Example: `preferredKinds('Kabupaten/Kota')` → `{kabupaten, kota}`; `preferredKinds('wilayah')` → undefined.
 */
export function preferredKinds(label: string): ReadonlySet<RegionKind> | undefined {
	const kinds = new Set<RegionKind>();
	for (const w of normaliseLabel(label).split(/[^a-z]+/)) {
		const kind = LABEL_KINDS.get(w);
		if (kind) kinds.add(kind);
	}
	return kinds.size > 0 ? kinds : undefined;
}

/** Row buffers of `editDistance`, reused: suggestions compare one name with every region's. */
let previous = new Int32Array(64);
let current = new Int32Array(64);

/** Levenshtein distance: insertions, deletions and substitutions. `editDistance('pati', 'patti') === 1`. */
export function editDistance(a: string, b: string): number {
	if (a === b) return 0;
	if (a.length === 0) return b.length;
	if (b.length === 0) return a.length;
	if (previous.length <= b.length) {
		previous = new Int32Array(b.length + 1);
		current = new Int32Array(b.length + 1);
	}
	for (let j = 0; j <= b.length; j++) previous[j] = j;
	for (let i = 1; i <= a.length; i++) {
		current[0] = i;
		const ca = a.charCodeAt(i - 1);
		for (let j = 1; j <= b.length; j++) {
			const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
			current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
		}
		[previous, current] = [current, previous];
	}
	return previous[b.length];
}

/** Close enough to offer: at most half the longer name's letters differ. */
const near = (a: string, b: string, d: number) => d <= Math.floor(Math.max(a.length, b.length) / 2);

/** `a` shortens `b`: its letters in order, from the same first letter (`smg` of `semarang`). */
function shortens(a: string, b: string): boolean {
	if (a.length < 2 || a.length >= b.length || a[0] !== b[0]) return false;
	let j = 1;
	for (let i = 1; i < b.length && j < a.length; i++) if (b[i] === a[j]) j++;
	return j === a.length;
}

interface Entry {
	region: RegionCandidate;
	/** The whole name, normalised: `kabupatenpati`. */
	full: string;
	/** Without its kind word: `pati`. */
	bare: string;
}

function add(map: Map<string, RegionCandidate[]>, key: string, region: RegionCandidate): void {
	const list = map.get(key);
	if (!list) map.set(key, [region]);
	else if (!list.includes(region)) list.push(region);
}

/**
 * The regions of a context, looked up by name. `prefer`: the kinds the file's column lists
 * (`preferredKinds` of its label), which decide between regions sharing a bare name.
 * Example: `new RegionNameIndex(ctx.regionNames).match('Kab. Pati')` → `{ status: 'found', code: '33.18' }`.
 */
export class RegionNameIndex {
	private readonly byCode = new Map<string, RegionCandidate>();
	/** By bare name and by whole name: `pati` and `kabupatenpati` both hold Kabupaten Pati. */
	private readonly byName = new Map<string, RegionCandidate[]>();
	/** By kind and bare name, for a name written with its kind word: `kabupaten:pati`. */
	private readonly byKindName = new Map<string, RegionCandidate[]>();
	private readonly entries: Entry[] = [];

	constructor(
		regions: ReadonlyMap<string, RegionInfo>,
		private readonly prefer?: ReadonlySet<RegionKind>
	) {
		for (const [code, info] of regions) {
			const region: RegionCandidate = { code, name: info.name, kind: info.kind };
			this.byCode.set(code, region);
			const w = words(info.name);
			// "Kabupaten Pati" is Pati with its kind word; the kecamatan "Kota Kudus" keeps its "Kota".
			const bare = (w.length > 1 && KIND_WORDS.get(w[0]) === info.kind ? w.slice(1) : w).join('');
			const full = w.join('');
			if (bare === '') continue;
			add(this.byName, bare, region);
			add(this.byName, full, region);
			add(this.byKindName, `${info.kind}:${bare}`, region);
			this.entries.push({ region, full, bare });
		}
		// BPS codes after every Kemendagri code, so neither can hide the other (they never look
		// alike anyway: BPS codes have no dots).
		for (const [code, info] of regions) {
			const bps = info.bpsCode?.trim();
			if (bps && !this.byCode.has(bps)) this.byCode.set(bps, this.byCode.get(code)!);
		}
	}

	/** What a name (or a code typed in the name column) means. */
	match(text: string): RegionNameMatch {
		const t = text.trim();
		const coded = this.byCode.get(t);
		if (coded) return { status: 'found', code: coded.code };
		const w = words(t);
		if (w.length === 0) return UNKNOWN;
		const kind = w.length > 1 ? KIND_WORDS.get(w[0]) : undefined;
		if (kind !== undefined) {
			const list = this.byKindName.get(`${kind}:${w.slice(1).join('')}`);
			if (list) return this.pick(list);
		}
		// Without a kind word, or one that does not fit (the kecamatan "Kota Kudus").
		const list = this.byName.get(w.join(''));
		return list ? this.pick(list) : UNKNOWN;
	}

	private pick(list: RegionCandidate[]): RegionNameMatch {
		if (list.length === 1) return { status: 'found', code: list[0].code };
		const preferred = this.prefer ? list.filter((r) => this.prefer!.has(r.kind)) : [];
		if (preferred.length === 1) return { status: 'found', code: preferred[0].code };
		return { status: 'ambiguous', candidates: preferred.length > 1 ? preferred : list };
	}

	/**
	 * Up to `max` registered names nearest to an unknown one, nearest first; none when nothing is
	 * close. Near is by edit distance on the normalised names, or a shortening of one (`Smg` of
	 * Semarang): offered, never taken. A name written with its kind word is compared without it,
	 * and regions of that kind come first.
	 * Example: `index.suggest('Kota Smg')` → `[{ code: '33.74', name: 'Kota Semarang', … }, …]`.
	 */
	suggest(text: string, max = 3): RegionCandidate[] {
		const w = words(text);
		if (w.length === 0) return [];
		const kind = w.length > 1 ? KIND_WORDS.get(w[0]) : undefined;
		const name = (kind !== undefined ? w.slice(1) : w).join('');
		const scored: { region: RegionCandidate; d: number }[] = [];
		for (const e of this.entries) {
			let best = Infinity;
			for (const other of kind !== undefined ? [e.bare] : [e.full, e.bare]) {
				const d = editDistance(name, other);
				if (d < best && (near(name, other, d) || shortens(name, other))) best = d;
			}
			if (best !== Infinity) scored.push({ region: e.region, d: best });
		}
		const rank = (r: RegionCandidate) =>
			(r.kind === kind ? 0 : 2) + (this.prefer?.has(r.kind) ? 0 : 1);
		scored.sort(
			(x, y) =>
				x.d - y.d ||
				rank(x.region) - rank(y.region) ||
				x.region.name.localeCompare(y.region.name) ||
				x.region.code.localeCompare(y.region.code)
		);
		return scored.slice(0, max).map((s) => s.region);
	}
}
