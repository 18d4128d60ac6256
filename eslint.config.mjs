// `npm run lint`: ESLint (typescript-eslint's recommended rules, import order, nothing unused) and Prettier's check.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { importX } from 'eslint-plugin-import-x';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'tab/', 'test-artifacts/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'import-x/first': 'error',
      'import-x/no-duplicates': 'error',
      'import-x/order': ['error', { groups: ['builtin', 'external', ['internal', 'parent', 'sibling', 'index']], 'newlines-between': 'never' }],
    },
  },
  {
    // Each SDK stays in its runtime folder, behind bot/runtime/turn.ts (docs/ARCHITECTURE.md).
    // The Agents SDK's test adapter (test/support/agentsTestAdapter.ts) is the one other importer, as botbuilder-testing's is botbuilder's.
    files: ['**/*.ts'],
    ignores: ['bot/runtime/agents/**', 'test/support/agentsTestAdapter.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^@microsoft/agents-', message: 'Only bot/runtime/agents/ uses the Microsoft 365 Agents SDK.' }] }] },
  },
  {
    files: ['bot/**/*.ts', 'services/**/*.ts', 'cards/**/*.ts'],
    ignores: ['bot/runtime/botbuilder/**', 'bot/runtime/agents/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^@microsoft/agents-', message: 'Only bot/runtime/agents/ uses the Microsoft 365 Agents SDK.' },
            { regex: '^botbuilder(-[a-z]+)?(/|$)', message: 'Only bot/runtime/botbuilder/ uses botbuilder.' },
          ],
        },
      ],
    },
  },
  {
    // Plain Node scripts that run before TypeScript is built (scripts/build.cjs).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
