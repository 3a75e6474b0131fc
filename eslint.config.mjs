import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

// Library boundaries (see ../shared/design/style.md): two tag dimensions, both enforced.
const typeRules = [
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:domain', 'type:util'],
  },
  {
    sourceTag: 'type:feature',
    onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:domain', 'type:util'],
  },
  {
    sourceTag: 'type:data-access',
    onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:util'],
  },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:util'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:util', 'type:testing'],
  },
  {
    sourceTag: 'type:e2e',
    onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:util', 'type:testing'],
  },
];
// Tests may also use the testing libs (builders, the test database); production code may not.
const testTypeRules = typeRules.map((r) => ({
  ...r,
  onlyDependOnLibsWithTags: [...new Set([...r.onlyDependOnLibsWithTags, 'type:testing'])],
}));
const boundaries = (rules) => [
  'error',
  {
    enforceBuildableLibDependency: false,
    banTransitiveDependencies: false,
    allow: [],
    depConstraints: [...rules, ...scopeRules],
  },
];
const testFiles = ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'];
const domains = [
  'tenancy',
  'evidence',
  'scoring',
  'connectors',
  'identity',
  'audit',
  'billing',
  'webhooks',
];
// A domain may use itself, the platform and shared code; the domains it builds on are listed here.
const domainUses = {
  tenancy: [],
  evidence: ['tenancy'],
  // The reports of scoring publish webhook events (report.ready, finding.created, lead.neglected).
  scoring: ['evidence', 'tenancy', 'webhooks'],
  connectors: ['evidence', 'tenancy'],
  identity: ['tenancy'],
  audit: ['tenancy', 'identity'],
  billing: ['tenancy'],
  webhooks: ['tenancy'],
};
const scopeRules = [
  ...domains.map((d) => ({
    sourceTag: `scope:${d}`,
    onlyDependOnLibsWithTags: [
      `scope:${d}`,
      ...domainUses[d].map((u) => `scope:${u}`),
      'scope:platform',
      'scope:shared',
    ],
  })),
  { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['scope:platform', 'scope:shared'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  {
    sourceTag: 'scope:app',
    onlyDependOnLibsWithTags: [
      ...domains.map((d) => `scope:${d}`),
      'scope:platform',
      'scope:shared',
    ],
  },
];

const entryPointOnly = {
  regex: '^@candor/[^/]+/.+',
  message:
    "Import a Candor library through its entry point ('@candor/<lib>'), not its internal files.",
};

export default [
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.data/**',
      '**/.nx/**',
      '**/tmp/**',
      '**/vite.config.*.timestamp*',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@nx/enforce-module-boundaries': boundaries(typeRules),
      // A library's index.ts is its only public surface; its other files are internals.
      'no-restricted-imports': ['error', { patterns: [entryPointOnly] }],
      // Promise safety: a forgotten await is a lost error or a leaked transaction.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/require-await': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      // With noUncheckedIndexedAccess, `!` states an invariant the code has just established.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  // The SDK runs in API clients' programs: nothing of the server, and codegen only in its generator.
  {
    files: ['libs/shared/sdk/src/**/*.ts'],
    ignores: ['libs/shared/sdk/src/codegen/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            entryPointOnly,
            {
              group: [
                '@nestjs/*',
                '@apollo/*',
                'typeorm',
                'pg',
                'pg-*',
                '@graphql-codegen/*',
                'node:*',
              ],
              message:
                'The SDK is a client library: it may use graphql and fetch, not server code, Node built-ins or codegen.',
            },
          ],
        },
      ],
    },
  },
  {
    files: testFiles,
    rules: {
      '@nx/enforce-module-boundaries': boundaries(testTypeRules),
      'no-console': 'off',
    },
  },
  prettier,
];
