/** The audit filters, read from the URL (shared by the page and the CSV download). */
import type { AuditFilter } from '$lib/server/db/audit';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(value: string): boolean {
	if (!DATE.test(value)) return false;
	const d = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** `?actor=siti&action=user.create&from=2025-01-01` → the filter, plus whether a date was ignored. */
export function readFilter(url: URL): { filter: AuditFilter; badDate: boolean } {
	const get = (key: string) => url.searchParams.get(key)?.trim().slice(0, 200) || undefined;
	const filter: AuditFilter = {
		actor: get('actor'),
		action: get('action'),
		entityType: get('entity'),
		entityId: get('entityId')
	};
	let badDate = false;
	for (const key of ['from', 'to'] as const) {
		const value = get(key);
		if (value === undefined) continue;
		if (validDate(value)) filter[key] = value;
		else badDate = true;
	}
	return { filter, badDate };
}
