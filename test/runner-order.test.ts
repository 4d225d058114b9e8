import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PlanEntry } from '../src/plan/plan.ts';
import { longestFirst } from '../src/run/runner.ts';
import type { ScannerAdapter } from '../src/scanners/adapter.ts';
import { ADAPTERS } from '../src/scanners/registry.ts';

function planOf(adapters: readonly ScannerAdapter[]): PlanEntry[] {
  return adapters.map((adapter) => ({
    name: adapter.name,
    adapter,
    run: true,
    dependsOn: [...(adapter.dependsOn ?? [])],
  }));
}

test('the longest scanners start first; a scanner counts the ones waiting for its output', () => {
  const order = longestFirst(planOf(ADAPTERS)).map((entry) => entry.name);
  assert.deepEqual(order, [
    'govulncheck',
    'checkov',
    'semgrep',
    'trivy',
    'syft', // 1.5 s, plus grype's 0.2 s waiting for its SBOM
    'osv-scanner',
    'grype',
    'gitleaks',
  ]);
  assert.ok(order.indexOf('syft') < order.indexOf('grype'));
});

test('skipped scanners are left out; ties and unknown times keep the plan order', () => {
  const [first, second, third] = ADAPTERS;
  assert.ok(first && second && third);
  const plan: PlanEntry[] = [
    {
      name: first.name,
      adapter: { ...first, typicalSeconds: undefined },
      run: true,
      dependsOn: [],
    },
    { name: second.name, adapter: second, run: false, reason: 'nothing to scan' },
    { name: third.name, adapter: { ...third, typicalSeconds: 1 }, run: true, dependsOn: [] },
  ];
  assert.deepEqual(
    longestFirst(plan).map((entry) => entry.name),
    [first.name, third.name],
  );
});
