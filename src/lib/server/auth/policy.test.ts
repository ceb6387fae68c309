import { describe, expect, it } from 'vitest';
import {
	isValidUsername,
	normaliseUsername,
	passwordProblems,
	type PasswordProblem
} from './policy';
import { normaliseOpd, OPD_PATTERN } from '$lib/domain';

describe('passwordProblems()', () => {
	const rows: [string, string, PasswordProblem[]][] = [
		['', '', ['too-short']],
		['kopi', '', ['too-short']],
		['7 chars', '', ['too-short']],
		['password', '', ['common']],
		['PASSWORD', '', ['common']],
		['Password2024!', '', ['common']],
		['P@ssw0rd', '', ['common']],
		['12345678', '', ['common']],
		['qwertyuiop', '', ['common']],
		['sayang123', '', ['common']],
		['bismillah', '', ['common']],
		['rapor cerdas', '', ['common']],
		['RaporCerdas2025', '', ['common']],
		['Pati2024!', '', []],
		['aaaaaaaa', '', ['common']],
		['abababab', '', ['common']],
		['kopi tubruk di alun-alun', '', []],
		['kopi tubruk di alun-alun', 'siti', []],
		['siti.rahma-2025', 'siti.rahma', ['contains-username']],
		['amhar.itis-suka-teh', 'siti.rahma', ['contains-username']],
		['teh manis di warung pojok', 'siti.rahma', []],
		['x'.repeat(257), '', ['too-long', 'common']],
		['ñ'.repeat(8) + 'xyz', '', ['common']],
		['ñandú di peñasco biru', '', []],
		['merdeka45', '', ['common']],
		['indonesia2024', '', ['common']],
		['kucing-oren-tidur', '', []]
	];
	it.each(rows)('passwordProblems(%j, %j) is %j', async (password, username, expected) => {
		expect(await passwordProblems(password, username)).toEqual(expected);
	});

	it('passwordProblems() counts characters, not UTF-16 units: 7 emoji are too short', async () => {
		expect(await passwordProblems('😀😁😂🤣😃😄😅')).toEqual(['too-short']);
	});

	it("passwordProblems() guesses with the instance's words: a region's name with a year is common", async () => {
		expect(await passwordProblems('Pati2024!', '', ['kabupaten', 'pati'])).toEqual(['common']);
		expect(await passwordProblems('Pati2024!', '', ['kabupaten', 'kudus'])).toEqual([]);
	});

	it('passwordProblems() reads no further than 100 characters: a strong start is strong', async () => {
		expect(await passwordProblems('kopi tubruk di alun-alun ' + 'a'.repeat(200))).toEqual([]);
	});

	it('passwordProblems() reports the reversed user name too', async () => {
		expect(await passwordProblems('xx-amhar-yy-zz', 'rahma')).toEqual(['contains-username']);
	});
});

describe('user names and OPD codes', () => {
	it.each([
		['admin', true],
		['siti.rahma', true],
		['op_dlh-01', true],
		['ab', false],
		['.dot', false],
		['Admin', false],
		['with space', false],
		['a'.repeat(32), true],
		['a'.repeat(33), false],
		['', false]
	])('isValidUsername(%j) is %s', (name, ok) => {
		expect(isValidUsername(name)).toBe(ok);
	});

	it('normaliseUsername() trims and lower-cases', () => {
		expect(normaliseUsername('  Siti.Rahma ')).toBe('siti.rahma');
	});

	it('normaliseOpd() trims and upper-cases', () => {
		expect(normaliseOpd(' diskominfo ')).toBe('DISKOMINFO');
	});

	it.each([
		['DISKOMINFO', true],
		['BPS', true],
		['DINAS-PU', true],
		['DINAS_PU_2', true],
		['1', true],
		['A'.repeat(40), true],
		['A'.repeat(41), false],
		['_X', false],
		['-X', false],
		['dlh', false],
		['DINAS PU', false],
		['../X', false],
		['', false]
	])('OPD_PATTERN.test(%j) is %s', (opd, ok) => {
		expect(OPD_PATTERN.test(opd)).toBe(ok);
	});
});
