/**
 * A secret Gitleaks found in git history keeps its commit: the report says "in commit abc1234
 * (removed since)" when it is no longer in the tree, and links to the file at that commit.
 * A real Gitleaks run over a real repository.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { resolveConfig } from '../src/config/load.ts';
import { scan } from '../src/engine.ts';
import { silentLogger, systemClock } from '../src/model/ports.ts';
import { renderMarkdown } from '../src/outputs/markdown.ts';
import { plantedSecrets } from './support/planted.ts';

/** git in `root`, with an author for commits. */
function gitIn(root: string): (...args: string[]) => string {
  return (...args) =>
    execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], {
      cwd: root,
      encoding: 'utf8',
    }).trim();
}

/** Gitleaks alone over the repository's history. */
function scanHistory(root: string): ReturnType<typeof scan> {
  const config = resolveConfig({
    root,
    overrides: { scanners: ['gitleaks'], failOn: 'none', outputDir: path.join(root, '.out') },
  });
  return scan(config, { logger: silentLogger, clock: systemClock, install: false });
}

test('a secret removed since a past commit is reported in that commit, linked there', async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'scanfold-history-'));
  const planted = plantedSecrets();
  const git = gitIn(root);
  try {
    git('init', '-q');
    await writeFile(path.join(root, 'settings.py'), `TOKEN = "${planted.githubToken}"\n`);
    await writeFile(path.join(root, 'keep.py'), `KEY = "${planted.awsAccessKeyId}"\n`);
    git('add', '.');
    git('commit', '-q', '-m', 'add config');
    const leaked = git('rev-parse', 'HEAD');
    await unlink(path.join(root, 'settings.py'));
    git('commit', '-q', '-am', 'remove the token');
    const outcome = await scanHistory(root);
    const findings = outcome.report.findings;
    const removed = findings.find((f) => f.location.path === 'settings.py');
    assert.equal(removed?.commit, leaked, JSON.stringify(findings));
    assert.equal(removed?.removedSince, true);
    const kept = findings.find((f) => f.location.path === 'keep.py');
    assert.equal(kept?.commit, leaked);
    assert.equal(kept?.removedSince, undefined, 'still in the tree');
    const markdown = renderMarkdown(outcome.report, {
      links: { blobBase: 'https://github.com/o/r/blob/0123456789abcdef0123456789abcdef01234567' },
    });
    assert.match(
      markdown,
      new RegExp(`settings\\.py&#58;1 in commit ${leaked.slice(0, 7)} &#40;removed since&#41;`),
    );
    assert.ok(markdown.includes(`https://github.com/o/r/blob/${leaked}/settings.py#L1`));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('"removed since" is judged against HEAD, not the work tree', async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'scanfold-history-head-'));
  const planted = plantedSecrets();
  const git = gitIn(root);
  try {
    git('init', '-q');
    await writeFile(
      path.join(root, 'deleted-uncommitted.py'),
      `TOKEN = "${planted.githubToken}"\n`,
    );
    const recreated = `KEY = "${planted.awsAccessKeyId}"\n`;
    await writeFile(path.join(root, 'recreated-untracked.py'), recreated);
    git('add', '.');
    git('commit', '-q', '-m', 'add config');
    const leaked = git('rev-parse', 'HEAD');
    git('rm', '-q', 'recreated-untracked.py');
    git('commit', '-q', '-m', 'remove the key');
    // Work tree differs from HEAD both ways: one file deleted but not committed, the other gone
    // from HEAD but back in the work tree, untracked, with the same line.
    await unlink(path.join(root, 'deleted-uncommitted.py'));
    await writeFile(path.join(root, 'recreated-untracked.py'), recreated);
    const outcome = await scanHistory(root);
    const findings = outcome.report.findings.filter((f) => f.commit === leaked);
    const stillAtHead = findings.find((f) => f.location.path === 'deleted-uncommitted.py');
    assert.ok(stillAtHead, JSON.stringify(outcome.report.findings));
    assert.equal(
      stillAtHead.removedSince,
      undefined,
      'deleted only in the work tree: still at HEAD',
    );
    const goneFromHead = findings.find((f) => f.location.path === 'recreated-untracked.py');
    assert.ok(goneFromHead, JSON.stringify(outcome.report.findings));
    assert.equal(goneFromHead.removedSince, true, 'removed at HEAD, whatever the work tree holds');
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
