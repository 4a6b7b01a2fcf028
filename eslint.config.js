// Lint for defects, not style: formatting is left to the editor. Type-aware rules
// run on TypeScript only (src/ and test/ through tsconfig.test.json); the .mjs
// scripts in bench/, build/ and demo/ get the plain JavaScript rules.
// `npm run lint` also runs lit-analyzer over src/ for template type errors.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

export default tseslint.config(
  // The type-test fixtures are compiled by test/types against the packed package, not by this project.
  { ignores: ['dist/', 'node_modules/', 'custom-elements.json', 'coverage/', '.cache/', 'test/types/fixtures/', 'bench/.baseline/', 'bench/.scratch/'] },
  // A disable comment that no longer silences anything is itself a finding.
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },

  js.configs.recommended,
  {
    rules: {
      // `x == null` (null or undefined) is the one loose comparison worth keeping.
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },

  // Browser code: the library, the demo pages, the page-side benchmarks.
  { files: ['src/**', 'demo/public/**', 'bench/pages/**'], languageOptions: { globals: globals.browser } },
  // Node code: the collector, build and bench scripts, tests (happy-dom supplies the DOM globals there).
  {
    files: ['demo/*.mjs', 'demo/collector/**', 'demo/http/**', 'build/**', 'bench/**/*.mjs', 'test/**', '*.js', '*.mjs', '*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },

  {
    files: ['**/*.ts', '**/*.mts'],
    extends: [tseslint.configs.recommended],
    rules: {
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },

  // Type-aware rules: the promise mistakes that lose an answer silently.
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    ignores: ['**/*.d.ts', '**/*.d.mts'],
    languageOptions: {
      parserOptions: { project: './tsconfig.test.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-for-in-array': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },

  // Lit templates: bindings, attribute names, and accessibility of the markup.
  {
    files: ['src/**/*.ts'],
    extends: [lit.configs['flat/recommended'], litA11y.configs.recommended],
  },

  // Each element class merges with an interface of its own name that types addEventListener
  // per event (\`feelback-change\`'s detail and the rest); the interface adds no members the
  // class must implement, which is the case the rule guards against.
  {
    files: ['src/components/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-declaration-merging': 'off' },
  },

  // Declarations written for the plain-JavaScript collector modules describe untyped database rows.
  {
    files: ['**/*.d.mts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-empty-object-type': 'off' },
  },

  // Tests may assert on `any` payloads and use non-null assertions on elements they just created.
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
