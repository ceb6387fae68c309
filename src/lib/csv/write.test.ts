import { describe, expect, it } from 'vitest';
import { csvCell, csvRows, neutraliseFormulas, restoreFormulas, sheetCell } from './write';

describe('neutraliseFormulas()', () => {
	it.each([
		// At the start: every trigger.
		['=1+1', "'=1+1"],
		['+62 812', "'+62 812"],
		['-x', "'-x"],
		['@SUM(1)', "'@SUM(1)"],
		['\tx', "'\tx"],
		['\rx', "'\rx"],
		// After ",": every trigger.
		['a,=2+2', "a,'=2+2"],
		['a,+1', "a,'+1"],
		['a,-x', "a,'-x"],
		['a,@x', "a,'@x"],
		// After ";": every trigger; the finding from the sign-in form.
		['x;=10*10;', "x;'=10*10;"],
		['a;+1', "a;'+1"],
		['a;-x', "a;'-x"],
		['a;@x', "a;'@x"],
		// After a tab, CR or LF (a row break for a splitter that ignores quotes).
		['x\t=3*3', "x\t'=3*3"],
		['x\t@x', "x\t'@x"],
		['x\r=1', "x\r'=1"],
		['x\n=1', "x\n'=1"],
		['x\r\n=1', "x\r\n'=1"],
		// Spaces between separator and trigger: guarded, since "trim spaces" would expose it.
		['a; =1+1', "a; '=1+1"],
		['a,   @x', "a,   '@x"],
		[' =1', " '=1"],
		// A tab or CR is a trigger only at the start; later it is a separator.
		['a\t\tb', 'a\t\tb'],
		// Several places in one text, and apostrophes already there get one more.
		['=a;=b,=c', "'=a;'=b,'=c"],
		["'=x", "''=x"],
		["a;''=x", "a;'''=x"],
		// A negative number is data, wherever it stands.
		['-3.5', '-3.5'],
		['-2e5', '-2e5'],
		['-1e+21', '-1e+21'],
		['-3,5', '-3,5'],
		['-1234,56', '-1234,56'],
		['a;-3,5', 'a;-3,5'],
		['1;-2', '1;-2'],
		// …but not when a file split on ";" would show one cell that is a formula.
		['-3,5+1', "'-3,5+1"],
		['-3,=1', "'-3,'=1"],
		['-3,5;=1', "-3,5;'=1"],
		['-1+1', "'-1+1"],
		['-5 kg', "'-5 kg"],
		['--5', "'--5"],
		// Triggers elsewhere are text.
		['a=b', 'a=b'],
		['2019-2020', '2019-2020'],
		['x@y.id', 'x@y.id'],
		['a, b', 'a, b'],
		['Perbup 5', 'Perbup 5'],
		['', '']
	])('neutraliseFormulas(%j) is %j', (text, out) => {
		expect(neutraliseFormulas(text)).toBe(out);
	});
});

describe('restoreFormulas()', () => {
	const texts = [
		'=1+1',
		'x;=10*10;',
		'a,=2+2',
		'x\t=3*3',
		'a; =1+1',
		'\tx',
		"'=x",
		"''@x",
		"a;'-b",
		'-5',
		"'plain",
		'plain',
		"it's",
		"a,'b"
	];
	it.each(texts)('restoreFormulas(neutraliseFormulas(%j)) gives the text back', (text) => {
		expect(restoreFormulas(neutraliseFormulas(text))).toBe(text);
	});
	it.each([
		["x;'=10*10;", 'x;=10*10;'],
		["''=x", "'=x"],
		["'plain", "'plain"],
		["it's", "it's"]
	])('restoreFormulas(%j) is %j', (text, out) => {
		expect(restoreFormulas(text)).toBe(out);
	});
});

describe('csvCell()', () => {
	it.each([
		['plain', 'plain'],
		['Pati', 'Pati'],
		['=SUM(A1:A9)', "'=SUM(A1:A9)"],
		['@cmd', "'@cmd"],
		['-2.5', '-2.5'],
		['=1,2', `"'=1,2"`],
		['x;=10*10;', `"x;'=10*10;"`],
		['a,=2+2', `"a,'=2+2"`],
		['x\t=3*3', `"x\t'=3*3"`],
		['a; =1+1', `"a; '=1+1"`],
		['\tx', `"'\tx"`],
		// Both separators are quoted, whichever the file uses.
		['a,b', '"a,b"'],
		['a;b', '"a;b"'],
		['3,31', '"3,31"'],
		['say "hi"', '"say ""hi"""'],
		['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
		['two\nlines', '"two\nlines"'],
		['cr\r\nlf', '"cr\r\nlf"'],
		[' padded ', '" padded "'],
		['', ''],
		[-3.5, '-3.5'],
		[-2, '-2'],
		[0.1, '0.1'],
		[1379022, '1379022'],
		[0, '0'],
		[NaN, ''],
		[Infinity, ''],
		[null, ''],
		[undefined, ''],
		[true, 'true'],
		[false, 'false']
	])('csvCell(%j) is %j', (value, out) => {
		expect(csvCell(value)).toBe(out);
	});
});

describe('csvRows()', () => {
	it('csvRows() joins cells with the delimiter and ends every row with CRLF', () => {
		expect(
			csvRows(
				[
					['a', 1],
					['b', null]
				],
				','
			)
		).toBe('a,1\r\nb,\r\n');
	});
	it('csvRows() with ";" guards and quotes the sign-in finding the same way', () => {
		expect(csvRows([['x;=10*10;', -3.5, '=1+1']], ';')).toBe(`"x;'=10*10;";-3.5;'=1+1\r\n`);
		expect(csvRows([['x;=10*10;', -3.5, '=1+1']], ',')).toBe(`"x;'=10*10;",-3.5,'=1+1\r\n`);
	});
	it('csvRows() of no rows is empty', () => {
		expect(csvRows([], ',')).toBe('');
		expect(csvRows([], ',', '\n')).toBe('');
	});
	it('csvRows() with LF line ends (the data/ files) ends every row with LF and quotes a field holding one', () => {
		expect(
			csvRows(
				[
					['a', 'b c'],
					['x\ny', '=1']
				],
				',',
				'\n'
			)
		).toBe(`a,b c\n"x\ny",'=1\n`);
	});
});

describe('sheetCell()', () => {
	it.each([
		['=1+1', "'=1+1"],
		['+62 812', "'+62 812"],
		['-x', "'-x"],
		['-5', '-5'],
		['@SUM(A1)', "'@SUM(A1)"],
		['\tx', "'\tx"],
		['\rx', "'\rx"],
		['x;=10*10;', "x;'=10*10;"],
		['Perbup 5', 'Perbup 5'],
		['', ''],
		[3.5, 3.5],
		[-3.5, -3.5],
		[null, null]
	])('sheetCell(%j) is %j', (input, expected) => {
		expect(sheetCell(input)).toBe(expected);
	});
});
