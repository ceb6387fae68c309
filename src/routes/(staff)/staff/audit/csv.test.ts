import { describe, expect, it } from 'vitest';
import { auditCsv } from './csv';

const entry = {
	id: 12,
	at: '2025-01-02T03:04:05.000Z',
	actorId: null,
	actor: 'x;=10*10;',
	action: 'auth.failed',
	entityType: 'user',
	entityId: '=1+1',
	before: null,
	after: '{"reason":"unknown","note":"a, @x"}',
	address: '203.0.113.9'
};

describe('auditCsv()', () => {
	it('auditCsv([]) is the header line alone', () => {
		expect(auditCsv([])).toBe(
			'id,at_utc,actor,actor_id,action,entity_type,entity_id,before,after,address\r\n'
		);
	});

	it('auditCsv() writes a user name typed on the sign-in form as text, whatever the separator', () => {
		expect(auditCsv([entry])).toBe(
			'id,at_utc,actor,actor_id,action,entity_type,entity_id,before,after,address\r\n' +
				`12,2025-01-02T03:04:05.000Z,"x;'=10*10;",,auth.failed,user,'=1+1,,"{""reason"":""unknown"",""note"":""a, '@x""}",203.0.113.9\r\n`
		);
	});
});
