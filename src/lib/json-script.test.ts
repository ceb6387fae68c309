import { describe, expect, it } from 'vitest';
import { jsonScript } from './json-script';

describe('jsonScript()', () => {
	it('escapes every < so a value cannot close the block, and parses back to the value', () => {
		const value = { a: '</script><script>alert(1)</script>', b: '<!--', n: [1, null] };
		const html = jsonScript('whatif-data', value);
		expect(html).toBe(
			'<script type="application/json" id="whatif-data">{"a":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>","b":"\\u003c!--","n":[1,null]}</script>'
		);
		const body = html.slice(html.indexOf('>') + 1, html.lastIndexOf('</script>'));
		expect(body).not.toContain('<');
		expect(JSON.parse(body)).toEqual(value);
	});

	it('refuses an id that would need escaping itself', () => {
		expect(() => jsonScript('a" onload="x', {})).toThrow(
			'jsonScript: "a" onload="x" is not a plain id'
		);
	});
});
