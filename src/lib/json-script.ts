/**
 * A JSON data block for a page's own script: `<script type="application/json">`, which browsers
 * never run (the CSP's script-src does not apply) and the script reads with JSON.parse. Every `<` is
 * escaped, so no string in the value can close the block or open a comment.
 * @example jsonScript('d', { a: '</script>' }) === '<script type="application/json" id="d">{"a":"\\u003c/script>"}</script>'
 */
export function jsonScript(id: string, value: unknown): string {
	if (!/^[\w-]+$/.test(id)) throw new Error(`jsonScript: "${id}" is not a plain id`);
	const json = JSON.stringify(value).replace(/</g, '\\u003c');
	return `<script type="application/json" id="${id}">${json}</script>`;
}
