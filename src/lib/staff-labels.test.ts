import { afterEach, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from './audit-actions';
import { ERROR_CODES, IMPORT_KINDS } from './import/types';
import {
	auditActionText,
	auditChange,
	entityText,
	importErrorText,
	importFileText,
	importKindText,
	importStatusText
} from './staff-labels';

const inLocale = (locale: 'id' | 'en') => overwriteGetLocale(() => locale);
// The runtime's own getLocale, put back after each test: files share modules (vite.config.ts).
const runtimeGetLocale = getLocale;
afterEach(() => overwriteGetLocale(runtimeGetLocale));

describe('every code the staff pages show has a label in both languages', () => {
	// The maps are typed by the lists, so a missing label does not compile; these check that no
	// label is the code itself (an entity or kind may be the same word, "target" in both languages).
	it.each(['id', 'en'] as const)('%s: audit actions and error codes read as words', (locale) => {
		inLocale(locale);
		for (const a of AUDIT_ACTIONS) expect(auditActionText(a), a).not.toBe(a);
		for (const c of ERROR_CODES) expect(importErrorText(c), c).not.toBe(c);
		for (const t of AUDIT_ENTITY_TYPES) expect(entityText(t, null), t).not.toMatch(/_/);
		for (const k of ['seed', ...IMPORT_KINDS]) expect(importKindText(k), k).not.toBe('');
	});

	it('the same code reads differently in the two languages', () => {
		expect(auditActionText('auth.sign_in')).toBe('Masuk');
		expect(entityText('user', 2)).toBe('pengguna 2');
		inLocale('en');
		expect(auditActionText('auth.sign_in')).toBe('Signed in');
		expect(entityText('user', 2)).toBe('user 2');
	});

	it('a code nobody labelled is shown as it is', () => {
		expect(auditActionText('plugin.thing')).toBe('plugin.thing');
		expect(importStatusText('pending')).toBe('pending');
		expect(entityText('widget', 4)).toBe('widget 4');
	});

	it('the app’s own file names are translated, a user’s file name is not', () => {
		expect(importFileText('staff form: hdi_ipm 2029')).toBe('formulir target: hdi_ipm 2029');
		inLocale('en');
		expect(importFileText('staff form: hdi_ipm 2029')).toBe('target form: hdi_ipm 2029');
		expect(importFileText('staff form.csv')).toBe('staff form.csv');
	});
});

describe('auditChange()', () => {
	it('an undo reads its statuses in Indonesian, numbers as they are', () => {
		expect(auditChange('import.undo', '{"status":"committed"}')).toEqual([['status', 'tersimpan']]);
		expect(auditChange('import.undo', '{"status":"undone","removed":3,"restored":1}')).toEqual([
			['status', 'dibatalkan'],
			['removed', '3'],
			['restored', '1']
		]);
	});

	it('and in English under /en', () => {
		inLocale('en');
		expect(auditChange('import.undo', '{"status":"undone"}')).toEqual([['status', 'undone']]);
		expect(auditChange('submission.reopen', '{"status":"final"}')).toEqual([
			['status', 'final (frozen)']
		]);
	});

	it('an import names its kind and the app’s file name', () => {
		expect(
			auditChange(
				'import.commit',
				'{"kind":"targets","fileName":"staff form: hdi_ipm 2029","rows":1}'
			)
		).toEqual([
			['kind', importKindText('targets')],
			['fileName', 'formulir target: hdi_ipm 2029'],
			['rows', '1']
		]);
	});

	it('the status of a submission and of an item, each by its own words', () => {
		expect(auditChange('submission.finalise', '{"status":"final"}')).toEqual([
			['status', 'final (dibekukan)']
		]);
		expect(auditChange('submission.reopen', '{"status":"open"}')).toEqual([['status', 'terbuka']]);
		expect(auditChange('submission.item.return', '{"status":"returned","comment":"x"}')).toEqual([
			['status', 'dikembalikan'],
			['comment', 'x']
		]);
	});

	it('a status under another action, nested values and null stay as recorded', () => {
		expect(auditChange('user.create', '{"status":"committed","opd":null,"a":[1,2]}')).toEqual([
			['status', 'committed'],
			['opd', 'null'],
			['a', '[1,2]']
		]);
	});

	it('nothing recorded gives no pair; what is not a JSON object is one pair as stored', () => {
		expect(auditChange('import.undo', null)).toEqual([]);
		expect(auditChange('import.undo', '')).toEqual([]);
		expect(auditChange('import.undo', '{broken')).toEqual([['', '{broken']]);
		expect(auditChange('import.undo', '[1]')).toEqual([['', '[1]']]);
		expect(auditChange('import.undo', '"committed"')).toEqual([['', '"committed"']]);
	});
});
