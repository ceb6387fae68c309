import { describe, expect, it } from 'vitest';
import { pageOf } from './paging';

const url = (query: string) => new URL(`https://example.test/staff/audit${query}`);

describe('pageOf', () => {
	it.each([
		['', 45, { page: 1, pages: 3, offset: 0 }],
		['?page=2', 45, { page: 2, pages: 3, offset: 20 }],
		['?page=3', 45, { page: 3, pages: 3, offset: 40 }],
		['?page=9', 45, { page: 3, pages: 3, offset: 40 }],
		['?page=0', 45, { page: 1, pages: 3, offset: 0 }],
		['?page=-2', 45, { page: 1, pages: 3, offset: 0 }],
		['?page=', 45, { page: 1, pages: 3, offset: 0 }],
		['?page=2.5', 45, { page: 1, pages: 3, offset: 0 }],
		['?page=abc', 45, { page: 1, pages: 3, offset: 0 }],
		['?page=NaN', 45, { page: 1, pages: 3, offset: 0 }],
		['?page=2', 40, { page: 2, pages: 2, offset: 20 }],
		['?page=2', 0, { page: 1, pages: 1, offset: 0 }]
	])('pageOf(%j) of %d rows by 20 is %j', (query, total, expected) => {
		expect(pageOf(url(query), total, 20)).toEqual(expected);
	});
});
