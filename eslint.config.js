// One linter for server, web, tests and scripts: type-aware TypeScript rules (recommendedTypeChecked), React hooks and
// JSX accessibility rules for the web client. Zero warnings in CI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Web zones: a feature imports its own files, components/, lib/ and api/; never another feature
// nor app/. app/ composes the features through their index.ts (and mounts their i18n catalogues);
// components/, lib/ and api/ import no feature and not app/. The patterns climb a known number of
// folders, so one block per depth inside a feature says exactly where an import lands.
const up = (n) => '(\\.\\./){' + n + '}';
const webFeatureZones = [0, 1, 2, 3].map((depth) => ({
  files: [`web/src/features/*/${'*/'.repeat(depth)}*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { regex: `^${up(depth + 1)}[^./]`, message: 'A feature never imports another feature: compose them in app/' },
          {
            regex: `^${up(depth + 2)}(features|app)(/|$)`,
            message: 'A feature imports only its own files, components/, lib/ and api/',
          },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'scratch/**', 'web/src/api/schema.ts', 'coverage/**'] },
  js.configs.recommended,
  // type-aware: the rules read the TypeScript types (floating promises, unsafe any, exhaustive switches…)
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['web/vite.config.ts', 'web/build/*.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // SQL text is built from the Where builder (its toString is the parameterised clause)
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        {
          allowNumber: true,
          allow: [{ from: 'file', name: 'Where', path: 'server/platform/pagination.ts' }],
        },
      ],
      // Fastify plugins and hooks, pg-boss adapters and interface implementations are async by
      // contract even when they await nothing; unhandled promises are no-floating-promises' job
      '@typescript-eslint/require-await': 'off',
      'no-console': 'off',
    },
  },
  {
    // vitest's asymmetric matchers (expect.any, expect.stringContaining) are typed `any`
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    // a module's own top-level files: another module only through its index.ts
    files: ['server/modules/*/*.ts'],
    ignores: ['server/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!\\.\\.)[^/]+/(?!index\\.js$).+$',
              message: 'Import another module only through its index.ts',
            },
          ],
        },
      ],
    },
  },
  {
    // a sub-feature of a module (pilot/cases, pilot/pai…): its own files, ../shared, the kernel, and
    // other modules' index.ts; never a sibling sub-feature nor its own module's index
    files: ['server/modules/*/*/*.ts'],
    ignores: ['server/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!shared/|\\.\\./)[^/]+(/|$)',
              message: 'A sub-feature imports only its own files and ../shared (sibling sub-features stay apart)',
            },
            {
              regex: '^\\.\\./index\\.js$',
              message: "A sub-feature does not import its own module index (it is the module's public surface)",
            },
            {
              regex: '^\\.\\./\\.\\./(?!\\.\\.)[^/]+/(?!index\\.js$).+$',
              message: 'Import another module only through its index.ts',
            },
          ],
        },
      ],
    },
  },
  {
    // domain code (services, repos, rules, mappers) never imports the HTTP framework: only the
    // routes, the module's index (its definition) and the access module's request hooks do
    files: ['server/modules/**/*.ts'],
    ignores: [
      'server/**/*.test.ts',
      'server/modules/**/*.routes.ts',
      'server/modules/*/index.ts',
      'server/modules/access/access.hook.ts',
      'server/modules/access/access.cookies.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportDeclaration[source.value=/^(fastify|@fastify\\/)/]',
          message: 'Domain code never imports Fastify: keep HTTP in *.routes.ts',
        },
      ],
    },
  },
  {
    // the shared kernel knows no feature: modules plug into it, never the other way round
    files: ['server/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)modules(/|\\.js$)',
              message: 'platform/ never imports a module (register it in server/modules.ts)',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['web/**/*.tsx', 'web/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'jsx-a11y': jsxA11y, 'react-hooks': reactHooks },
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      ...reactHooks.configs.recommended.rules,
      'react/no-danger': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'dangerouslySetInnerHTML is banned (security.md #27)',
        },
      ],
    },
  },
  ...webFeatureZones,
  {
    files: ['web/src/app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./features/[^/]+/(?!i18n/[a-z]+(\\.[a-z]+)?\\.json$).+',
              message: 'app/ imports a feature only through its index.ts',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['web/src/{components,lib,api}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(features|app)(/|$)',
              message: 'Shared code imports no feature and not app/: they import it',
            },
          ],
        },
      ],
    },
  },
);
