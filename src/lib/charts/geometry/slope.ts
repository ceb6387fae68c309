/**
 * Slope chart geometry: two value columns (first and second year) and end labels that are pushed
 * apart so none overlaps, while staying as close as possible to their line ends; a label that had
 * to move is tied to its line end by a short leader line.
 */
import { scaleLinear } from 'd3-scale';
import { isNum, round2 } from './number';

/**
 * Moves label positions (y, in px) apart so neighbours are at least minGap apart and all stay in
 * [lo, hi]; returned in the input order. Labels that collide form a cluster centred on the mean
 * of where they want to be (so a cluster spreads both ways, not only down). When they cannot fit
 * at all, they are spread evenly over [lo, hi].
 * @example dodge([10, 12, 50], 8, 0, 100) // [7, 15, 50]
 */
export function dodge(positions: number[], minGap: number, lo: number, hi: number): number[] {
	const n = positions.length;
	if (n === 0) return [];
	const order = positions.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
	const out = new Array<number>(n);
	if ((n - 1) * minGap > hi - lo) {
		const step = n > 1 ? (hi - lo) / (n - 1) : 0;
		order.forEach((d, k) => (out[d.i] = round2(lo + k * step)));
		return out;
	}
	// sum: Σ (wanted position − offset inside the cluster); its mean is the best cluster start.
	type Cluster = { sum: number; count: number; start: number };
	const place = (c: Cluster) =>
		(c.start = Math.max(lo, Math.min(hi - (c.count - 1) * minGap, c.sum / c.count)));
	const stack: Cluster[] = [];
	for (const { p } of order) {
		let cur: Cluster = { sum: p, count: 1, start: 0 };
		place(cur);
		while (
			stack.length &&
			stack[stack.length - 1].start + stack[stack.length - 1].count * minGap > cur.start
		) {
			const prev = stack.pop() as Cluster;
			cur = {
				sum: prev.sum + cur.sum - cur.count * prev.count * minGap,
				count: prev.count + cur.count,
				start: 0
			};
			place(cur);
		}
		stack.push(cur);
	}
	let k = 0;
	for (const c of stack) {
		for (let j = 0; j < c.count; j++, k++) out[order[k].i] = round2(c.start + j * minGap);
	}
	return out;
}

export interface SlopeInput {
	code: string;
	label: string;
	from: number | null;
	to: number | null;
}

export interface SlopeLine extends SlopeInput {
	/** y of the line ends, null where the value is missing. */
	y1: number | null;
	y2: number | null;
	/** y of the end labels after de-overlap. */
	label1: number | null;
	label2: number | null;
}

/**
 * Line ends and de-overlapped label positions for every item, values mapped from the domain onto
 * [bottom, top] in px.
 * @example slopeLayout([{ code: 'a', label: 'A', from: 0, to: 100 }], [0, 100], 10, 110, 14)[0] // y1: 110, y2: 10
 */
export function slopeLayout(
	items: SlopeInput[],
	domain: [number, number],
	top: number,
	bottom: number,
	minGap: number
): SlopeLine[] {
	const y = scaleLinear().domain(domain).range([bottom, top]).clamp(true);
	const ends = items.map((d) => ({
		y1: isNum(d.from) ? round2(y(d.from)) : null,
		y2: isNum(d.to) ? round2(y(d.to)) : null
	}));
	const side = (key: 'y1' | 'y2') => {
		const idx = ends.map((e, i) => (e[key] === null ? -1 : i)).filter((i) => i >= 0);
		const placed = dodge(
			idx.map((i) => ends[i][key] as number),
			minGap,
			top,
			bottom
		);
		const out: (number | null)[] = items.map(() => null);
		idx.forEach((i, k) => (out[i] = placed[k]));
		return out;
	};
	const left = side('y1');
	const right = side('y2');
	return items.map((d, i) => ({ ...d, ...ends[i], label1: left[i], label2: right[i] }));
}

export interface Leader {
	x1: number;
	y1: number;
	x2: number;
	y2: number;
}

/**
 * The leader line from a line end (endX, endY) to its end label at labelY, or null when the label
 * sits at its line end (moved less than `threshold` px). Labels are written `length` px away from
 * the dot, on the left of the first year's column and the right of the second's; the leader
 * leaves a 4 px gap at the dot and 2 px at the text.
 * @example leaderLine(100, 50, 65, 'left') // { x1: 96, y1: 50, x2: 88, y2: 65 }
 */
export function leaderLine(
	endX: number,
	endY: number,
	labelY: number,
	side: 'left' | 'right',
	length = 14,
	threshold = 1
): Leader | null {
	if (Math.abs(labelY - endY) < threshold) return null;
	const dir = side === 'left' ? -1 : 1;
	return {
		x1: round2(endX + dir * 4),
		y1: round2(endY),
		x2: round2(endX + dir * (length - 2)),
		y2: round2(labelY)
	};
}
