import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			// Links are built with localizeHref (Paraglide's locale prefixes), which resolve() does not know.
			'svelte/no-navigation-without-resolve': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			],
			'no-restricted-imports': [
				'error',
				{
					paths: [
						{
							name: '$lib/paraglide/runtime',
							importNames: ['localizeHref'],
							message: "Import localizeHref from '$lib/localize-href' (remembered answers)."
						}
					]
				}
			]
		}
	},
	{
		// The wrapper itself, and its test, which compares it with the runtime's.
		files: ['src/lib/localize-href.ts', 'src/lib/localize-href.test.ts'],
		rules: { 'no-restricted-imports': 'off' }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		ignores: [
			'build/',
			// The test suite's own build and databases (tests/build-dir.ts).
			'tests/.tmp/',
			'src/lib/paraglide/',
			'.svelte-kit/',
			'drizzle/',
			'var/',
			'node_modules/',
			'test-results/',
			'playwright-report/'
		]
	}
);
