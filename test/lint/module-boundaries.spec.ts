import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const tag = randomBytes(4).toString('hex');

/** Probe files written into libraries, linted as real files of those projects, then removed. */
const probes = {
  deepImport: {
    path: `libs/tenancy/feature/src/lib/probe-deep-${tag}.ts`,
    code: "import { parseBusinessHours } from '@candor/tenancy-domain/src/lib/business-hours';\nexport const x = parseBusinessHours;\n",
  },
  relativeImport: {
    path: `libs/tenancy/feature/src/lib/probe-relative-${tag}.ts`,
    code: "import { parseBusinessHours } from '../../../domain/src/lib/business-hours';\nexport const x = parseBusinessHours;\n",
  },
  domainToDataAccess: {
    path: `libs/tenancy/domain/src/lib/probe-data-${tag}.ts`,
    code: "import { runInTenant } from '@candor/platform-database';\nexport const x = runInTenant;\n",
  },
  platformToDomain: {
    path: `libs/platform/database/src/lib/probe-scope-${tag}.ts`,
    code: "import { WEEKDAYS } from '@candor/tenancy-domain';\nexport const x = WEEKDAYS;\n",
  },
  featureToTesting: {
    path: `libs/tenancy/feature/src/lib/probe-testing-${tag}.ts`,
    code: "import { newTenant } from '@candor/tenancy-testing';\nexport const x = newTenant;\n",
  },
  webhooksToConnectors: {
    path: `libs/webhooks/data-access/src/lib/probe-scope-${tag}.ts`,
    code: "import { findDueSyncs } from '@candor/connectors-data-access';\nexport const x = findDueSyncs;\n",
  },
  scoringToWebhooks: {
    path: `libs/scoring/engine/src/lib/probe-webhooks-${tag}.ts`,
    code: "import { WEBHOOK_EVENT_TYPES } from '@candor/webhooks-domain';\nexport const x = WEBHOOK_EVENT_TYPES;\n",
  },
  sdkToServer: {
    path: `libs/shared/sdk/src/lib/probe-server-${tag}.ts`,
    code: "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
  },
  sdkToPlatform: {
    path: `libs/shared/sdk/src/lib/probe-platform-${tag}.ts`,
    code: "import { runInTenant } from '@candor/platform-database';\nexport const x = runInTenant;\n",
  },
  publicEntry: {
    path: `libs/tenancy/feature/src/lib/probe-public-${tag}.ts`,
    code: "import { parseBusinessHours } from '@candor/tenancy-domain';\nexport const x = parseBusinessHours;\n",
  },
};

describe('library boundaries are enforced by lint', () => {
  const errors = new Map<string, string>();

  beforeAll(async () => {
    for (const probe of Object.values(probes)) writeFileSync(join(ROOT, probe.path), probe.code);
    const eslint = new ESLint({ cwd: ROOT });
    const results = await eslint.lintFiles(Object.values(probes).map((p) => join(ROOT, p.path)));
    for (const result of results) {
      const messages = result.messages
        .filter(
          (m) =>
            m.ruleId === '@nx/enforce-module-boundaries' || m.ruleId === 'no-restricted-imports',
        )
        .map((m) => m.message);
      errors.set(result.filePath, messages.join('\n'));
    }
  }, 120_000);

  afterAll(() => {
    for (const probe of Object.values(probes)) rmSync(join(ROOT, probe.path), { force: true });
  });

  const errorsOf = (probe: { path: string }) => errors.get(join(ROOT, probe.path));

  it("fails a deep import of a domain lib's internals", () => {
    expect(errorsOf(probes.deepImport)).toMatch(/through its entry point/);
  });

  it("fails a relative import into another lib's files", () => {
    expect(errorsOf(probes.relativeImport)).toMatch(
      /cannot be imported by a relative or absolute path/,
    );
  });

  it('fails a domain lib that reaches for data access', () => {
    expect(errorsOf(probes.domainToDataAccess)).toMatch(
      /"type:domain" can only depend on libs tagged with/,
    );
  });

  it('fails platform code that depends on a domain', () => {
    expect(errorsOf(probes.platformToDomain)).toMatch(
      /"scope:platform" can only depend on libs tagged with/,
    );
  });

  it('keeps test builders out of production code', () => {
    expect(errorsOf(probes.featureToTesting)).toMatch(
      /"type:feature" can only depend on libs tagged with/,
    );
  });

  it('keeps webhooks off other domains but lets scoring publish webhook events', () => {
    expect(errorsOf(probes.webhooksToConnectors)).toMatch(
      /"scope:webhooks" can only depend on libs tagged with/,
    );
    expect(errorsOf(probes.scoringToWebhooks)).toBe('');
  });

  it('keeps server code out of the SDK', () => {
    expect(errorsOf(probes.sdkToServer)).toMatch(/The SDK is a client library/);
    expect(errorsOf(probes.sdkToPlatform)).toMatch(
      /"type:util" can only depend on libs tagged with/,
    );
  });

  it('accepts an import through the public entry point', () => {
    expect(errorsOf(probes.publicEntry)).toBe('');
  });
});
