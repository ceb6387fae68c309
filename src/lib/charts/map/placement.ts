/**
 * Which regions of a map carry their name, and where: at the region's centroid, for the selected
 * region always and for the others only when the name fits inside the region's bounding box and
 * does not touch a name already placed (larger regions are placed first). Pure module.
 */
import { boxesOverlap, textBox, textWidth, type Box } from '../geometry/text';

export interface LabelCandidate {
	code: string;
	/** The text to write (usually a short name: "Pati", "Kota Semarang"). */
	text: string;
	cx: number;
	cy: number;
	box?: Box;
}

export interface PlacedLabel {
	code: string;
	text: string;
	/** Centre of the text's baseline. */
	x: number;
	y: number;
}

export interface LabelOptions {
	fontSize?: number;
	/** Code of the region whose name is always written. */
	selected?: string | null;
	/** The map area: a label is kept inside it. */
	bounds: { width: number; height: number };
	/** Clearance in px between two names. */
	gap?: number;
}

/**
 * The names to write on a map, in the order of `candidates`. The selected region's name comes
 * first and is always written (moved inside the map when its centroid is near an edge); another
 * region's name is written when it fits within 90 % of the region's box width and 70 % of its
 * height, lies inside the map and touches no name already placed, larger regions first.
 * @example placeMapLabels([{ code: 'a', text: 'Pati', cx: 50, cy: 50, box: { x: 0, y: 0, width: 100, height: 100 } }], { bounds: { width: 100, height: 100 } }) // [{ code: 'a', text: 'Pati', x: 50, y: 53.85 }]
 */
export function placeMapLabels(
	candidates: readonly LabelCandidate[],
	{ fontSize = 11, selected = null, bounds, gap = 2 }: LabelOptions
): PlacedLabel[] {
	const area = (c: LabelCandidate) => (c.box ? c.box.width * c.box.height : 0);
	const order = candidates
		.map((c, i) => ({ c, i }))
		.sort(
			(a, b) =>
				Number(b.c.code === selected) - Number(a.c.code === selected) ||
				area(b.c) - area(a.c) ||
				a.i - b.i
		);
	const placed: { i: number; label: PlacedLabel; box: Box }[] = [];
	for (const { c, i } of order) {
		const w = textWidth(c.text, fontSize);
		const isSelected = c.code === selected;
		if (!isSelected) {
			if (!c.box || w > c.box.width * 0.9 || fontSize > c.box.height * 0.7) continue;
		}
		// Baseline a third of an em below the centroid, so the text is centred on it.
		const half = w / 2;
		const x = Math.round(Math.max(half + 1, Math.min(bounds.width - half - 1, c.cx)) * 100) / 100;
		const y =
			Math.round(
				Math.max(fontSize, Math.min(bounds.height - 0.2 * fontSize - 1, c.cy + 0.35 * fontSize)) *
					100
			) / 100;
		const box = textBox(c.text, x, y, fontSize, 'middle');
		if (!isSelected) {
			// Only the selected name is moved to stay inside the map; another one is left out.
			if (Math.abs(x - c.cx) > 0.01 || Math.abs(y - (c.cy + 0.35 * fontSize)) > 0.01) continue;
			if (placed.some((p) => boxesOverlap(box, p.box, gap))) continue;
		}
		placed.push({ i, label: { code: c.code, text: c.text, x, y }, box });
	}
	return placed.sort((a, b) => a.i - b.i).map((p) => p.label);
}
