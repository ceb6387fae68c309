/**
 * Reading a posted form in a staff action: a field as text ('' when absent or a file), a set of
 * fields by name, a positive id. The services check the values; these only take them out.
 */

/** A field as text: `text(form, 'name')` → '' when it is missing or a file. */
export const text = (form: FormData, name: string) => {
	const v = form.get(name);
	return typeof v === 'string' ? v : '';
};

/** The named fields as text, for a service's checks: `fieldsOf(form, ['name', 'opd'])`. */
export const fieldsOf = <F extends string>(form: FormData, names: readonly F[]) =>
	Object.fromEntries(names.map((c) => [c, text(form, c)])) as Partial<Record<F, string>>;

/** A positive whole number from a form field, or null: `formId(form, 'id')`. */
export function formId(form: FormData, name: string): number | null {
	const v = text(form, name);
	return /^\d{1,9}$/.test(v) && Number(v) > 0 ? Number(v) : null;
}
