import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInstrument } from '../submission/instrument';
import { statementOf, surveyStructure } from './structure';

const items2023 = parseInstrument(
	readFileSync('data/instrument/kominfo-instrument-2023.csv', 'utf8'),
	'kominfo-instrument-2023.csv'
);

describe('surveyStructure()', () => {
	const s = surveyStructure(2023, items2023);

	it('gives the 2023 instrument 6 pillars × 3 sub-dimensions × 3 statements', () => {
		expect(s.statements).toHaveLength(54);
		expect(s.pillars.map((p) => p.key)).toEqual([
			'smart-governance',
			'smart-branding',
			'smart-economy',
			'smart-living',
			'smart-society',
			'smart-environment'
		]);
		expect(s.pillars.every((p) => p.subDimensions.length === 3)).toBe(true);
		expect(s.pillars.flatMap((p) => p.subDimensions).every((d) => d.statements.length === 3)).toBe(
			true
		);
	});

	it('names a pillar, its GM100SC dimension and a sub-dimension as printed', () => {
		const governance = s.pillars[0];
		expect(governance.name).toBe('Smart Governance');
		expect(governance.dimension).toBe('governance');
		expect(governance.subDimensions[1]).toMatchObject({
			code: 'smart-governance.4.2',
			number: '4.2',
			name: 'Kebijakan Publik (diselenggarakan oleh Pemerintah Daerah)'
		});
		expect(governance.subDimensions[0].statements[0]).toMatchObject({
			code: 'impact.smart-governance.4.1.1',
			statement: 'Layanan/program dapat diakses secara daring/online.'
		});
	});

	it('gives the 2022 instrument, which has no survey items, an empty survey', () => {
		const items2022 = parseInstrument(
			readFileSync('data/instrument/kominfo-instrument-2022.csv', 'utf8'),
			'kominfo-instrument-2022.csv'
		);
		expect(surveyStructure(2022, items2022).statements).toEqual([]);
	});
});

describe('statementOf()', () => {
	it.each([
		['… berapa rata-rata nilai masyarakat dilibatkan?', 'Masyarakat dilibatkan.'],
		['Tanpa pola', 'Tanpa pola.'],
		['', '.']
	])('words %j as %j', (question, expected) => {
		expect(statementOf(question)).toBe(expected);
	});
});
