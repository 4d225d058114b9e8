/**
 * Workspaces for end-to-end tests: files with planted (fake, generated) secrets and vulnerable
 * code, committed as a git checkout when a test needs a HEAD.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function pseudoRandom(seed: string, alphabet: string, length: number): string {
  const bytes = createHash('sha512').update(seed).digest();
  return Array.from(
    { length },
    (_, i) => alphabet[(bytes[i % bytes.length] ?? 0) % alphabet.length],
  ).join('');
}

/** AWS-access-key-shaped, built at run time so this file itself holds no secret-shaped literal. */
export const fakeAwsKeyId = (seed: string): string =>
  ['AK', 'IA'].join('') + pseudoRandom(`aws:${seed}`, BASE32, 16);
export const fakeGitHubPat = (seed: string): string =>
  ['gh', 'p_'].join('') + pseudoRandom(`ghp:${seed}`, ALNUM, 36);

export const VULNERABLE_PY = `import os
import sqlite3
import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.route("/users")
def find_user():
    name = request.args.get("name", "")
    cursor = sqlite3.connect("app.db").cursor()
    cursor.execute("SELECT id FROM users WHERE name = '%s'" % name)
    return str(cursor.fetchall())


@app.route("/ping")
def ping():
    host = request.args.get("host", "127.0.0.1")
    return subprocess.check_output("ping -c 1 " + host, shell=True)
`;

export function writeFiles(root: string, files: Readonly<Record<string, string>>): void {
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

export function settingsPy(awsSeed: string, patSeed?: string): string {
  return [
    '# FAKE credentials planted for scanner tests.',
    `AWS_ACCESS_KEY_ID = "${fakeAwsKeyId(awsSeed)}"`,
    ...(patSeed ? [`GITHUB_TOKEN = "${fakeGitHubPat(patSeed)}"`] : []),
    '',
  ].join('\n');
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
    },
  }).trim();
}

/** Commit the workspace as a git checkout; returns HEAD. */
export function commitWorkspace(workspace: string): string {
  git(workspace, 'init', '-q');
  git(workspace, 'add', '-A');
  git(workspace, 'commit', '-q', '-m', 'scan me');
  return git(workspace, 'rev-parse', 'HEAD');
}
