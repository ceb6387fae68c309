import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	CAPABILITIES,
	hasRole,
	importKindsFor,
	isRole,
	may,
	mayEditItem,
	mayEditProgramme,
	mayEditTargets,
	mayEditValues,
	mayReview,
	ROLES,
	type Capability,
	type RoleHolder
} from './roles';

const admin: RoleHolder = { role: 'admin', opd: null };
const walidata: RoleHolder = { role: 'walidata', opd: null };
const perencana: RoleHolder = { role: 'perencana', opd: null };
const bps: RoleHolder = { role: 'produsen', opd: 'BPS' };
const dlh: RoleHolder = { role: 'produsen', opd: 'DLH' };
const noOpd: RoleHolder = { role: 'produsen', opd: null };
const viewer: RoleHolder = { role: 'viewer', opd: null };

describe('the role table', () => {
	it('has five roles, admin first', () => {
		expect(ROLES).toEqual(['admin', 'walidata', 'perencana', 'produsen', 'viewer']);
	});

	// The whole table as the README and the staff guide print it: a change here is a change there.
	it.each<[Capability, string[]]>([
		['staff', ['admin', 'walidata', 'perencana', 'produsen', 'viewer']],
		['manageUsers', ['admin']],
		['assignOpd', ['admin']],
		['readAudit', ['admin', 'walidata']],
		['editTargets', ['admin', 'walidata', 'perencana', 'produsen']],
		['importData', ['admin', 'walidata', 'perencana', 'produsen']],
		['undoImport', ['admin', 'walidata']],
		['readSubmissions', ['admin', 'walidata', 'produsen', 'viewer']],
		['editSubmissions', ['admin', 'walidata', 'produsen']],
		['reviewSubmissions', ['admin', 'walidata']],
		['recordOfficialResults', ['admin', 'walidata']],
		['manageSurveys', ['admin', 'walidata']],
		['manageQuickWins', ['admin', 'walidata']],
		['manageProgrammes', ['admin', 'walidata', 'produsen']],
		['approveProgrammes', ['admin', 'walidata']]
	])('%s: %j', (capability, roles) => {
		expect(CAPABILITIES[capability]).toEqual(roles);
		for (const role of ROLES) expect(may({ role }, capability)).toBe(roles.includes(role));
	});

	it('nobody signed in may do anything', () => {
		for (const capability of Object.keys(CAPABILITIES) as Capability[])
			expect(may(null, capability)).toBe(false);
		expect(hasRole(null, ['admin'])).toBe(false);
	});

	it.each([
		['admin', ['observations', 'targets', 'indicators', 'nodes', 'frameworks', 'regions']],
		['walidata', ['observations', 'targets']],
		['perencana', ['targets']],
		['produsen', ['observations', 'targets']],
		['viewer', []],
		['', []],
		['root', []],
		['constructor', []]
	])('importKindsFor(%j) is %j', (role, kinds) => {
		expect(importKindsFor(role)).toEqual(kinds);
	});

	it('isRole() knows the five roles and nothing else', () => {
		expect(ROLES.every(isRole)).toBe(true);
		expect([undefined, null, 1, '', 'Admin', 'planner', 'toString'].some(isRole)).toBe(false);
	});
});

describe('rights over one indicator or item', () => {
	it.each([
		[admin, 'DLH', true, true, true],
		[walidata, 'DLH', true, true, true],
		// The planner sets every OPD's targets, and touches neither values nor submission items.
		[perencana, 'DLH', false, true, false],
		[perencana, 'BAPPEDA', false, true, false],
		[dlh, 'DLH', true, true, true],
		[bps, 'DLH', false, false, false],
		[bps, '', false, false, false],
		[noOpd, '', false, false, false],
		[viewer, 'DLH', false, false, false],
		[null, 'DLH', false, false, false]
	])('%j on %j: values %s, targets %s, items %s', (user, opd, values, targets, items) => {
		expect(mayEditValues(user, opd)).toBe(values);
		expect(mayEditTargets(user, opd)).toBe(targets);
		expect(mayEditItem(user, opd)).toBe(items);
	});

	it('only admin and walidata review', () => {
		expect([admin, walidata, perencana, bps, viewer, null].map(mayReview)).toEqual([
			true,
			true,
			false,
			false,
			false,
			false
		]);
	});
});

describe('the role table as the README and the staff guides print it', () => {
	// Each printed row, computed from the code's table: ✓ for every OPD, "own" for the holder's OPD only.
	type Right = (user: RoleHolder, opd: string) => boolean;
	const ROWS: Right[] = [
		(u) => may(u, 'staff'),
		mayEditTargets,
		mayEditValues,
		(u, opd) => importKindsFor(u.role).includes('targets') && mayEditTargets(u, opd),
		(u) => importKindsFor(u.role).includes('indicators'),
		(u) => may(u, 'undoImport'),
		(u) => may(u, 'readSubmissions'),
		mayEditItem,
		(u) => mayReview(u),
		(u) => may(u, 'recordOfficialResults'),
		(u) => may(u, 'manageSurveys'),
		(u) => may(u, 'manageQuickWins'),
		mayEditProgramme,
		(u) => may(u, 'approveProgrammes'),
		(u) => may(u, 'readAudit'),
		(u) => may(u, 'manageUsers') && may(u, 'assignOpd')
	];
	const cell = (right: Right, role: (typeof ROLES)[number], own: string) => {
		const user = { role, opd: role === 'produsen' ? 'BPS' : null };
		const mine = right(user, 'BPS');
		const others = right(user, 'DLH');
		return others ? '✓' : mine ? own : '';
	};

	it.each([
		['README.md', 'own OPD'],
		['docs/staff-guide.md', 'own OPD'],
		['docs/panduan-staf.md', 'OPD sendiri']
	])('%s prints exactly what the code enforces', (file, own) => {
		const text = readFileSync(file, 'utf8');
		const header = text.split('\n').findIndex((l) => /^\| (may|boleh) … +\| admin/.test(l));
		expect(header).toBeGreaterThan(-1);
		const lines = text.split('\n').slice(header);
		const end = lines.findIndex((l) => !l.startsWith('|'));
		const [head, , ...body] = lines.slice(0, end);
		const split = (l: string) =>
			l
				.split('|')
				.slice(1, -1)
				.map((c) => c.trim());
		expect(split(head).slice(1)).toEqual([...ROLES]);
		expect(body.map((l) => split(l).slice(1))).toEqual(
			ROWS.map((right) => ROLES.map((role) => cell(right, role, own)))
		);
	});
});
