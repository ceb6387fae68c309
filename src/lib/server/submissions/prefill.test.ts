import { describe, expect, it } from 'vitest';
import type { SnapshotDatum } from '../../submission/snapshot';
import { prefillAnswer } from './workspace';

const datum = (code: string, value: number | null, year: number | null): SnapshotDatum => ({
	code,
	nameId: code === 'hdi_ipm' ? 'Indeks Pembangunan Manusia' : 'Persentase penduduk miskin',
	nameEn: code,
	unit: '',
	value,
	year,
	source: 'https://pati.example/bps',
	score: null,
	illustrative: false
});

describe('prefillAnswer(): the answer the sourced data or the survey offers', () => {
	it('a survey statement takes the closed survey’s mean to two decimals, else nothing', () => {
		expect(prefillAnswer({ answerKind: 'survey' }, [], { mean: 3.456 })).toBe('3.46');
		expect(prefillAnswer({ answerKind: 'survey' }, [], { mean: null })).toBeNull();
		expect(prefillAnswer({ answerKind: 'survey' }, [])).toBeNull();
	});

	it('a percentage question takes the value of its one indicator, never of two', () => {
		expect(prefillAnswer({ answerKind: 'percent' }, [datum('poverty', 9.31, 2023)])).toBe('9.31');
		expect(
			prefillAnswer({ answerKind: 'percent' }, [
				datum('poverty', 9.31, 2023),
				datum('poverty_b', 9.5, 2023)
			])
		).toBeNull();
		// A value without its year is no answer: the year is part of what the portal asks.
		expect(prefillAnswer({ answerKind: 'percent' }, [datum('poverty', 9.31, null)])).toBeNull();
		expect(prefillAnswer({ answerKind: 'percent' }, [datum('poverty', null, 2023)])).toBeNull();
	});

	it('an external index is written out with its year and source, in Indonesian', () => {
		expect(prefillAnswer({ answerKind: 'external' }, [datum('hdi_ipm', 73.59, 2023)])).toBe(
			'Indeks Pembangunan Manusia 2023: 73,59 (sumber: https://pati.example/bps)'
		);
	});

	it('a ya/tidak, count or extent question is never pre-filled from data', () => {
		for (const answerKind of ['yesno', 'count', 'extent', 'text'] as const) {
			expect(prefillAnswer({ answerKind }, [datum('poverty', 9.31, 2023)], { mean: 3 })).toBeNull();
		}
	});
});
