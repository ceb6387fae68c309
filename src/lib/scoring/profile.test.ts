import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	DEFAULT_SETTINGS,
	parseProfile,
	parseSettings,
	ProfileError,
	serialiseSettings
} from './profile.ts';

const read = (name: string) =>
	JSON.parse(readFileSync(new URL(`../../../data/profiles/${name}`, import.meta.url), 'utf8'));

const issuesOf = (fn: () => unknown) => {
	try {
		fn();
	} catch (e) {
		if (e instanceof ProfileError) return e.issues.map((i) => i.path);
		throw e;
	}
	throw new Error('expected a ProfileError');
};

describe('parseProfile()', () => {
	it('reads the shipped GM100SC 2018 default profile', () => {
		const p = parseProfile(read('gm100sc-2018.json'));
		expect([p.code, p.framework, p.yearFrom, p.yearTo, p.isDefault]).toEqual([
			'gm100sc-2018-default',
			'gm100sc-2018',
			2018,
			null,
			true
		]);
		expect(p.settings.minCoverage).toBe(0.8);
		expect(p.settings.carryForwardYears).toBe(2);
		expect(p.settings.sensitivity).toEqual({
			draws: 1000,
			weightSpread: 0.5,
			seed: 20180409,
			includeGeometric: true,
			percentiles: [5, 95]
		});
		expect(p.settings.ratingBands.map((b) => [b.id, b.min, b.labelId, b.labelEn])).toEqual([
			['achieved', 80, 'Tercapai', 'Achieved'],
			['challenges_remain', 65, 'Tantangan tersisa', 'Challenges remain'],
			['significant_challenges', 50, 'Tantangan signifikan', 'Significant challenges'],
			['major_challenges', 0, 'Tantangan besar', 'Major challenges']
		]);
	});
	it('reads the shipped SPBE 2020 profile with its predikat bands', () => {
		const p = parseProfile(read('spbe-2020.json'));
		expect(p.framework).toBe('spbe-2020');
		expect(p.settings.minCoverage).toBe(1);
		expect(p.settings.spbePredikat?.map((b) => [b.labelId, b.min])).toEqual([
			['Memuaskan', 4.2],
			['Sangat Baik', 3.5],
			['Baik', 2.6],
			['Cukup', 1.8],
			['Kurang', 0]
		]);
		// The 0–100 rating bands are the predikat edges mapped by (index − 1) / 4 × 100.
		expect(p.settings.ratingBands.map((b) => b.min)).toEqual(
			[4.2, 3.5, 2.6, 1.8].map((x) => Math.round(((x - 1) / 4) * 100 * 1e6) / 1e6).concat(0)
		);
	});
	it('lists every bad field at once, with its path', () => {
		const doc = read('gm100sc-2018.json');
		doc.year_from = 1800;
		delete doc.name_en;
		doc.settings.min_coverage = 1.5;
		doc.settings.aggregation = 'median';
		doc.settings.min_covrage = 0.7;
		doc.settings.trend.years = 1;
		doc.settings.rating_bands[1].min = 90;
		doc.settings.sensitivity.draws = 0;
		expect(issuesOf(() => parseProfile(doc)).sort()).toEqual(
			[
				'year_from',
				'name_en',
				'settings.min_coverage',
				'settings.aggregation',
				'settings.min_covrage',
				'settings.trend.years',
				'settings.trend.min_points',
				'settings.rating_bands[1].min',
				'settings.sensitivity.draws'
			].sort()
		);
	});
	it('says what is wrong in the message', () => {
		expect(() => parseProfile({ ...read('gm100sc-2018.json'), year_to: 2010 })).toThrow(
			/year_to: must be null or a year from year_from \(2018\) to 2100, got 2010/
		);
	});
	it.each([
		['not an object', 42, '(document)'],
		['invalid JSON text', '{', '(document)'],
		['settings not an object', { ...read('gm100sc-2018.json'), settings: [] }, 'settings']
	])('rejects %s', (_, doc, path) => {
		expect(issuesOf(() => parseProfile(doc))).toContain(path);
	});
});

describe('parseSettings()', () => {
	it('fills defaults for an empty object', () => {
		expect(parseSettings({})).toEqual(DEFAULT_SETTINGS);
	});
	it('accepts the JSON text of the database column', () => {
		expect(parseSettings('{"min_coverage":0.75,"aggregation":"geometric"}')).toMatchObject({
			minCoverage: 0.75,
			aggregation: 'geometric'
		});
	});
	it.each([
		[{ min_coverage: 0 }, 'min_coverage'],
		[{ carry_forward_years: 1.5 }, 'carry_forward_years'],
		[{ target_cap: 90 }, 'target_cap'],
		[{ geometric_floor: 0 }, 'geometric_floor'],
		[{ trend: { moderate_ratio: 1 } }, 'trend.moderate_ratio'],
		[{ rating_bands: [] }, 'rating_bands'],
		[
			{ rating_bands: [{ id: 'a', min: 10, label_id: 'A', label_en: 'A', colour: 'red' }] },
			'rating_bands[0].min'
		],
		[{ sensitivity: { percentiles: [95, 5] } }, 'sensitivity.percentiles'],
		[{ sensitivity: { include_geometric: 'yes' } }, 'sensitivity.include_geometric'],
		[{ sensitivity: { weight_spread: 1 } }, 'sensitivity.weight_spread']
	])('rejects %j at %s', (settings, path) => {
		expect(issuesOf(() => parseSettings(settings))).toEqual([path]);
	});
	it('round-trips through serialiseSettings()', () => {
		const s = parseProfile(read('spbe-2020.json')).settings;
		expect(parseSettings(serialiseSettings(s))).toEqual(s);
		expect(serialiseSettings(parseSettings(read('gm100sc-2018.json').settings))).toEqual(
			read('gm100sc-2018.json').settings
		);
	});
});
