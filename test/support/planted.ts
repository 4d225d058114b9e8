/**
 * Known secret values to plant in fixtures, and a check that none of them reaches an output.
 * Built at run time so this file itself holds no credential a scanner would flag.
 */
import { generateKeyPairSync } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface Planted {
  awsAccessKeyId: string;
  awsSecretAccessKey: string;
  githubToken: string;
  actionToken: string;
  privateKey: string;
}

export function plantedSecrets(): Planted {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 1024,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return {
    awsAccessKeyId: ['AKIA', 'Z7QW2RT5YU3IO4PL'].join(''),
    awsSecretAccessKey: ['q8Vt3Kx9Lm2Np', 'Rs5Tu7Wy0Za4Bc6De8Fg1Hj3KL'].join('+'),
    githubToken: ['ghp', 'x7Yk2Lm9Qp4Rs8Tv1Wz6Ab3Cd5Ef0Gh2Ij4K'].join('_'),
    actionToken: ['ghs', 'Q2w3E4r5T6y7U8i9O0pAsDfGhJkLzXcVbNm1'].join('_'),
    privateKey,
  };
}

/** The strings that must never appear: each value, and each base64 line of the private key. */
export function needles(planted: Planted): string[] {
  const keyLines = planted.privateKey
    .split('\n')
    .filter((line) => line.length >= 32 && !line.startsWith('-----'));
  return [
    planted.awsAccessKeyId,
    planted.awsSecretAccessKey,
    planted.githubToken,
    planted.actionToken,
    ...keyLines,
  ];
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(full)));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** Every place (file or named text) where a planted value occurs, JSON-escaped forms included. */
export async function leaks(
  planted: Planted,
  where: { dirs?: readonly string[]; texts?: Record<string, string> },
): Promise<string[]> {
  return leaksOf(needles(planted), where);
}

/** Every place (file under `dirs`, or named text) where one of `values` occurs, plain or JSON-escaped. */
export async function leaksOf(
  values: readonly string[],
  where: { dirs?: readonly string[]; texts?: Record<string, string> },
): Promise<string[]> {
  const found: string[] = [];
  const check = (label: string, text: string): void => {
    for (const value of values) {
      const escaped = JSON.stringify(value).slice(1, -1);
      if (text.includes(value) || text.includes(escaped))
        found.push(`${label}: ${value.slice(0, 8)}…`);
    }
  };
  for (const dir of where.dirs ?? [])
    for (const file of await filesUnder(dir)) check(file, await readFile(file, 'utf8'));
  for (const [label, text] of Object.entries(where.texts ?? {})) check(label, text);
  return found;
}
