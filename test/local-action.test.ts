import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { EXAMPLE_APP, REPO_ROOT } from './support/run-cli.ts';

// GitHub's own local runner for actions (@github/local-action): what a user runs to try Scanfold
// on their machine before pushing a workflow. See "Try the action locally" in the README.
test('@github/local-action runs the action entry and writes outputs and the artifact locally', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scanfold-local-action-'));
  const envFile = path.join(dir, '.env');
  await mkdir(path.join(dir, 'artifacts'));
  await writeFile(
    envFile,
    [
      'INPUT_SCANNERS=gitleaks',
      `INPUT_PATH=${path.relative(REPO_ROOT, EXAMPLE_APP)}`,
      'INPUT_FAIL-ON=none',
      'INPUT_OFFLINE=true',
      `INPUT_OUTPUT-DIR=${path.join(dir, 'out')}`,
      'INPUT_COMMENT=never',
      'INPUT_UPLOAD-SARIF=false',
      `GITHUB_WORKSPACE=${REPO_ROOT}`,
      'GITHUB_REPOSITORY=acme/storefront',
      `LOCAL_ACTION_WORKSPACE=${REPO_ROOT}`,
      `LOCAL_ACTION_ARTIFACT_PATH=${path.join(dir, 'artifacts')}`,
    ].join('\n') + '\n',
  );
  const bin = path.join(REPO_ROOT, 'node_modules', '.bin');
  const output = await new Promise<{ code: number | null; text: string }>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(bin, 'local-action'), 'run', REPO_ROOT, 'src/action/main.ts', envFile],
      {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
          npm_config_yes: 'true',
          NO_COLOR: '1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, text }));
  });
  assert.equal(output.code, 0, output.text.slice(-3000));
  assert.match(output.text, /::set-output name=result::passed/);
  assert.match(output.text, /::set-output name=total::[1-9]\d*/);
  assert.match(output.text, /::set-output name=artifact-id::\d+/);
  assert.deepEqual(await readdir(path.join(dir, 'artifacts')), ['scanfold-report.zip']);
});
