import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'drizzle/**', '.data/**', 'bench/.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', { patterns: [] }],
    },
  },
  {
    // The functional core stays pure: no database, Slack, network or filesystem.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['../db/*', '../slack/*', '../services/*', '../jobs/*', '../config*', '../log*'], message: 'src/domain is pure: no imports from the shell.' },
          { group: ['node:fs*', 'node:net', 'node:http*', 'postgres', 'ioredis', 'bullmq', '@slack/*', 'drizzle-orm*', 'pino'], message: 'src/domain is pure: no I/O.' },
        ],
      }],
    },
  },
);
