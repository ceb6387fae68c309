/** Regions: the Kemendagri hierarchy of provinsi → kabupaten/kota → kecamatan. */
import { asc, eq } from 'drizzle-orm';
import type { Db } from './index';
import { regions } from './schema';

export function list(db: Db) {
	return db.select().from(regions).orderBy(asc(regions.code)).all();
}

export function get(db: Db, code: string) {
	return db.select().from(regions).where(eq(regions.code, code)).get();
}

/**
 * The words of every region's name, lower-cased and once each ("Kabupaten Pati" → kabupaten,
 * pati): the place names a guesser tries first against this instance's passwords.
 */
export function nameWords(db: Db): string[] {
	const names = db.select({ name: regions.name }).from(regions).all();
	return [...new Set(names.flatMap((r) => r.name.toLowerCase().split(/\s+/).filter(Boolean)))];
}
