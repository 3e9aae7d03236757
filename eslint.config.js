// Lint holds the layering: seed text → parse (pure) → model → load → Neo4j ← db ← graph ← api.
// Imports go one way; a cycle or a reach across layers fails `npm run lint`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

const zone = (target, from, message) => ({ target, from, message });

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'src/generated/**',
      'examples/gql/**',
      'engine/**',
      '.data/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    languageOptions: { parserOptions: { ecmaVersion: 2023, sourceType: 'module' } },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })] },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            zone('./src/ingest/parse', './src/db', 'The parser is pure: it never touches the database.'),
            zone('./src/ingest/semantics', './src/db', 'Semantics are pure: they never touch the database.'),
            zone('./src/ingest/parse', './src/api', 'The parser knows nothing of the API.'),
            zone('./src/ingest/semantics', './src/api', 'Semantics know nothing of the API.'),
            zone('./src/db', './src/api', 'The database door knows nothing of the API.'),
            zone('./src/db', './src/ingest', 'The database door knows nothing of ingest.'),
            zone('./src/graph', './src/api', 'The graph layer knows nothing of the API.'),
          ],
        },
      ],
      'no-restricted-imports': 'off',
    },
  },
  {
    // Only src/db talks to the driver (one door to the database).
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'neo4j-driver', message: 'Go through src/db (the one door to Neo4j).' }] },
      ],
    },
  },
);
