/**
 * The attribution the boundaries' licence (CC BY-IGO 3.0) asks for, shown under every map and
 * written into the map's SVG so downloaded images carry it too. Wording from
 * data/geo/README.md ("Attribution to display"). Pure module.
 */
import type { Lang } from '../types';

/** One line under every map, per language. */
export const ATTRIBUTION: Record<Lang, string> = {
	id: 'Batas wilayah: BPS (2020) via OCHA HDX COD-AB, CC BY-IGO 3.0; disederhanakan.',
	en: 'Boundaries: BPS (2020) via OCHA HDX COD-AB, CC BY-IGO 3.0; simplified.'
};

/** Where the boundaries come from (the HDX dataset page). */
export const ATTRIBUTION_HREF = 'https://data.humdata.org/dataset/cod-ab-idn';
