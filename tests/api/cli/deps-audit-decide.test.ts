/**
 * The dependency-audit decision (npm run audit:deps) on fixture `npm audit --json` output: high
 * and critical advisories fail unless allowlisted with a reason, moderate ones never fail, an
 * unreachable audit endpoint is "unavailable" (reported, not failed), and stale allowlist
 * entries are pointed out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '#api/content/repo-root.ts';
import {
  allowlistSchema,
  decide,
  describeVerdict,
  type Allowlist,
} from '#api/cli/deps-audit-decide.ts';

const fixture = (name: string) =>
  readFileSync(join(repoRoot, 'tests/fixtures/audit', name), 'utf8');
const none: Allowlist = { advisories: [] };
const today = { today: '2026-12-07' };
const XML = {
  id: 'GHSA-aaaa-bbbb-cccc',
  package: 'fast-xml-thing',
  severity: 'critical',
  title: 'Prototype pollution in parser',
  url: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc',
};
const REGEX = {
  id: 'GHSA-dddd-eeee-ffff',
  package: 'tiny-regex',
  severity: 'high',
  title: 'ReDoS in pattern compiler',
  url: 'https://github.com/advisories/GHSA-dddd-eeee-ffff',
};

describe('dependency audit decision', () => {
  it('passes a clean report', () => {
    expect(decide(fixture('clean.json'), none, today)).toEqual({
      kind: 'pass',
      allowed: [],
      stale: [],
    });
  });

  it('fails on each high or critical advisory once, ignoring moderate ones and via-only parents', () => {
    const verdict = decide(fixture('findings.json'), none, today);
    expect(verdict).toEqual({ kind: 'fail', blocking: [XML, REGEX], allowed: [], stale: [] });
    expect(describeVerdict(verdict)[0]).toBe(
      '2 high/critical advisories not in docs/audit-allowlist.json:',
    );
  });

  it('passes when every blocking advisory is allowlisted with a reason', () => {
    const allow: Allowlist = {
      advisories: [
        { id: XML.id, package: XML.package, reason: 'Only parses our own bundled XML files.' },
        { id: REGEX.id, package: REGEX.package, reason: 'Patterns are constants in our code.' },
      ],
    };
    expect(decide(fixture('findings.json'), allow, today)).toEqual({
      kind: 'pass',
      allowed: [XML, REGEX],
      stale: [],
    });
  });

  it('fails again when an allowlist entry is past its review date, and names it', () => {
    const allow: Allowlist = {
      advisories: [
        { id: XML.id, package: XML.package, reason: 'Reviewed once.', reviewBy: '2026-01-31' },
        { id: REGEX.id, package: REGEX.package, reason: 'Patterns are constants in our code.' },
        { id: 'GHSA-zzzz-zzzz-zzzz', package: 'gone', reason: 'Fixed upstream since.' },
      ],
    };
    expect(decide(fixture('findings.json'), allow, today)).toEqual({
      kind: 'fail',
      blocking: [XML],
      allowed: [REGEX],
      stale: ['GHSA-aaaa-bbbb-cccc (fast-xml-thing)', 'GHSA-zzzz-zzzz-zzzz (gone)'],
    });
  });

  it('reports an unreachable audit endpoint as unavailable, not as a failure', () => {
    const verdict = decide(fixture('unavailable-405.json'), none, today);
    expect(verdict).toEqual({
      kind: 'unavailable',
      reason:
        '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
    });
    expect(describeVerdict(verdict)).toEqual([
      'audit unavailable: 405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      'dependency audit skipped; CI is not failed for it.',
    ]);
    expect(decide('', none, { ...today, runError: 'spawn npm ENOENT' })).toEqual({
      kind: 'unavailable',
      reason: 'spawn npm ENOENT',
    });
  });

  it('keeps the committed allowlist valid (each entry has a reason)', () => {
    const raw: unknown = JSON.parse(fixtureRoot('docs/audit-allowlist.json'));
    expect(allowlistSchema.safeParse(raw).success).toBe(true);
    expect(
      allowlistSchema.safeParse({ advisories: [{ id: 'GHSA-x', package: 'p', reason: '' }] })
        .success,
    ).toBe(false);
  });
});

function fixtureRoot(path: string) {
  return readFileSync(join(repoRoot, path), 'utf8');
}
