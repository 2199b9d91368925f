import next from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

/** The one-way dependencies of STYLE.md: app → infrastructure → domain; components see the domain only. */
const layers = {
  'import/no-restricted-paths': ['error', {
    zones: [
      { target: './domain', from: ['./infrastructure', './app', './components'], message: 'The domain is pure: it imports nothing of ours.' },
      { target: './components', from: ['./infrastructure', './app'], message: 'Components see domain types and plain data only.' },
      { target: ['./infrastructure', './components', './domain', './e2e', './bench', './scripts'], from: './app', message: 'Nothing imports app/.' },
    ],
  }],
};

const config = [
  ...next,
  ...nextTypescript,
  {
    ignores: ['.next/**', 'node_modules/**', '.data/**', 'drizzle/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      ...layers,
    },
  },
];

export default config;
