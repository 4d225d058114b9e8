/**
 * The environment a GitHub-hosted runner gives a JavaScript action, pointed at a test server
 * from `startGitHubServer()`.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GitHubServer } from './github-server.ts';

export interface RunnerEnvOptions {
  server: Pick<GitHubServer, 'apiUrl' | 'resultsUrl' | 'url'> &
    Partial<Pick<GitHubServer, 'serverUrl' | 'addPullRequest' | 'pullRequests'>>;
  workspace: string;
  eventPath: string;
  eventName: string;
  /** `owner/repo`; default `octo-org/octo-repo`. */
  repository?: string;
  /** GITHUB_SHA; default a fake 40-hex sha. For pull_request this is the *merge* commit. */
  sha?: string;
  /** GITHUB_REF; default `refs/heads/main`. */
  ref?: string;
  /** Set for pull_request events (GITHUB_HEAD_REF / GITHUB_BASE_REF); empty otherwise, like the runner. */
  headRef?: string;
  baseRef?: string;
  runId?: number;
  runNumber?: number;
  runAttempt?: number;
  job?: string;
  workflow?: string;
  actor?: string;
  /** GITHUB_SERVER_URL; default server.serverUrl or `https://github.com`. Anything that is not
   *  github.com / *.ghe.com / *.localhost makes @actions/artifact throw GHESNotSupportedError. */
  serverUrl?: string;
  /** GITHUB_RETENTION_DAYS (the runner sets it; @actions/artifact caps retentionDays to it). Default 90. */
  retentionDays?: number;
  /** Backend ids placed in the runtime token's `Actions.Results:<run>:<job>` scope. Default random UUIDs. */
  workflowRunBackendId?: string;
  workflowJobRunBackendId?: string;
  /** Action inputs: `{ 'github-token': 'x' }` becomes `INPUT_GITHUB-TOKEN=x` (as @actions/core reads them). */
  inputs?: Readonly<Record<string, string>>;
  /** RUNNER_TEMP; default a fresh temp dir (removed by cleanup()). */
  runnerTemp?: string;
  /** Extra variables, applied last. */
  extra?: Readonly<Record<string, string>>;
}

export interface RunnerFiles {
  output: string;
  stepSummary: string;
  env: string;
  path: string;
  state: string;
}

export interface RunnerEnv {
  /** Full environment to apply (see withEnv). */
  env: Record<string, string>;
  files: RunnerFiles;
  runnerTemp: string;
  runtimeToken: string;
  backendIds: { workflowRunBackendId: string; workflowJobRunBackendId: string };
  /** Parse GITHUB_OUTPUT (both `k=v` and `k<<DELIM` heredoc forms). */
  readOutputs(): Record<string, string>;
  readStepSummary(): string;
  /** Remove the temp dir created for RUNNER_TEMP (only if runnerEnv created it). */
  cleanup(): void;
}

/** An unsigned JWT shaped like ACTIONS_RUNTIME_TOKEN (jwt-decode only base64url-decodes the payload). */
export function fakeRuntimeToken(
  workflowRunBackendId: string,
  workflowJobRunBackendId: string,
  runId = 1,
): string {
  const now = Math.floor(Date.now() / 1000);
  const header = { typ: 'JWT', alg: 'none' };
  const payload = {
    nameid: 'dddddddd-dddd-dddd-dddd-dddddddddddd',
    scp: [
      `Actions.ExampleScope`,
      `Actions.Results:${workflowRunBackendId}:${workflowJobRunBackendId}`,
      `Actions.UploadArtifacts:${runId}:1`,
      `LocationService.Connect`,
    ].join(' '),
    iss: 'vstoken.actions.githubusercontent.com',
    aud: 'vso:00000000-0000-0000-0000-000000000000',
    nbf: now - 60,
    iat: now - 60,
    exp: now + 6 * 3600,
  };
  const enc = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${enc(header)}.${enc(payload)}.`;
}

/**
 * A pull_request event's PR exists on the server, as on github.com (which answers 404 to a
 * comment on an issue that does not exist): registered here unless the test seeded it.
 */
function registerPullRequest(options: RunnerEnvOptions): void {
  const { server } = options;
  if (!options.eventName.startsWith('pull_request') || !server.addPullRequest) return;
  let payload: {
    pull_request?: {
      number?: number;
      head?: { sha?: string; ref?: string; repo?: { owner?: { login?: string } } };
      base?: { sha?: string; ref?: string; repo?: { name?: string; owner?: { login?: string } } };
    };
  };
  try {
    payload = JSON.parse(readFileSync(options.eventPath, 'utf8')) as typeof payload;
  } catch {
    return;
  }
  const pull = payload.pull_request;
  const owner = pull?.base?.repo?.owner?.login;
  const repo = pull?.base?.repo?.name;
  if (!pull?.number || !owner || !repo) return;
  const known = (server.pullRequests ?? []).some(
    (pr) => pr.owner === owner && pr.repo === repo && pr.number === pull.number,
  );
  if (known) return;
  server.addPullRequest({
    owner,
    repo,
    number: pull.number,
    ...(pull.head?.sha ? { headSha: pull.head.sha } : {}),
    ...(pull.head?.ref ? { headRef: pull.head.ref } : {}),
    ...(pull.base?.sha ? { baseSha: pull.base.sha } : {}),
    ...(pull.base?.ref ? { baseRef: pull.base.ref } : {}),
    fork: pull.head?.repo?.owner?.login !== undefined && pull.head.repo.owner.login !== owner,
  });
}

export function runnerEnv(options: RunnerEnvOptions): RunnerEnv {
  registerPullRequest(options);
  const repository = options.repository ?? 'octo-org/octo-repo';
  const [owner = 'octo-org'] = repository.split('/');
  const runId = options.runId ?? 9_876_543_210;
  const runAttempt = options.runAttempt ?? 1;
  const createdTemp = options.runnerTemp === undefined;
  const runnerTemp = options.runnerTemp ?? mkdtempSync(join(tmpdir(), 'scanfold-runner-'));
  mkdirSync(runnerTemp, { recursive: true });
  const fileDir = join(runnerTemp, '_runner_file_commands');
  mkdirSync(fileDir, { recursive: true });
  const stepId = randomUUID();
  const files: RunnerFiles = {
    output: join(fileDir, `set_output_${stepId}`),
    stepSummary: join(fileDir, `step_summary_${stepId}`),
    env: join(fileDir, `set_env_${stepId}`),
    path: join(fileDir, `add_path_${stepId}`),
    state: join(fileDir, `save_state_${stepId}`),
  };
  for (const f of [files.output, files.stepSummary, files.env, files.path, files.state])
    writeFileSync(f, '');

  const backendIds = {
    workflowRunBackendId: options.workflowRunBackendId ?? randomUUID(),
    workflowJobRunBackendId: options.workflowJobRunBackendId ?? randomUUID(),
  };
  const runtimeToken = fakeRuntimeToken(
    backendIds.workflowRunBackendId,
    backendIds.workflowJobRunBackendId,
    runId,
  );
  const ref = options.ref ?? 'refs/heads/main';
  const sha = options.sha ?? createHash('sha1').update(`${repository}@${ref}`).digest('hex');
  const workflow = options.workflow ?? 'Scanfold';
  const job = options.job ?? 'scan';
  const serverUrl = options.serverUrl ?? options.server.serverUrl ?? 'https://github.com';
  const refName = ref.replace(/^refs\/(heads|tags)\//, '').replace(/^refs\//, '');

  const env: Record<string, string> = {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION: '__scanfold',
    GITHUB_ACTION_REPOSITORY: '',
    GITHUB_ACTOR: options.actor ?? 'octocat',
    GITHUB_ACTOR_ID: '583231',
    GITHUB_TRIGGERING_ACTOR: options.actor ?? 'octocat',
    GITHUB_API_URL: options.server.apiUrl,
    GITHUB_GRAPHQL_URL: `${options.server.apiUrl}/graphql`,
    GITHUB_SERVER_URL: serverUrl,
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: owner,
    GITHUB_REPOSITORY_ID: '700000001',
    GITHUB_REPOSITORY_OWNER_ID: '9919',
    GITHUB_SHA: sha,
    GITHUB_REF: ref,
    GITHUB_REF_NAME: refName,
    GITHUB_REF_TYPE: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_REF_PROTECTED: 'false',
    GITHUB_HEAD_REF: options.headRef ?? '',
    GITHUB_BASE_REF: options.baseRef ?? '',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: options.eventPath,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_RUN_ID: String(runId),
    GITHUB_RUN_NUMBER: String(options.runNumber ?? 42),
    GITHUB_RUN_ATTEMPT: String(runAttempt),
    GITHUB_RETENTION_DAYS: String(options.retentionDays ?? 90),
    GITHUB_JOB: job,
    GITHUB_WORKFLOW: workflow,
    GITHUB_WORKFLOW_REF: `${repository}/.github/workflows/scanfold.yml@${ref}`,
    GITHUB_WORKFLOW_SHA: sha,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.stepSummary,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    GITHUB_STATE: files.state,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'GitHub Actions 1',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: join(runnerTemp, '_tool'),
    RUNNER_WORKSPACE: join(options.workspace, '..'),
    ACTIONS_RUNTIME_TOKEN: runtimeToken,
    ACTIONS_RUNTIME_URL: `${options.server.url}/pipelines/`,
    ACTIONS_RESULTS_URL: options.server.resultsUrl,
    ACTIONS_CACHE_SERVICE_V2: 'True',
  };
  for (const [name, value] of Object.entries(options.inputs ?? {})) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  Object.assign(env, options.extra ?? {});

  return {
    env,
    files,
    runnerTemp,
    runtimeToken,
    backendIds,
    readOutputs: () => parseFileCommand(readFileSync(files.output, 'utf8')),
    readStepSummary: () => readFileSync(files.stepSummary, 'utf8'),
    cleanup: () => {
      if (createdTemp) rmSync(runnerTemp, { recursive: true, force: true });
    },
  };
}

/** Parse a GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE file. */
export function parseFileCommand(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, key = '', delim] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i] ?? '');
      out[key] = value.join('\n');
      continue;
    }
    const eq = line.indexOf('=');
    if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

const RUNNER_VAR = /^(GITHUB_|RUNNER_|ACTIONS_|INPUT_|STATE_)|^CI$/;

/**
 * Apply `env` to process.env for the duration of `fn`, then restore the previous values.
 * With `isolate` (default), other runner variables already present (e.g. when the test suite
 * itself runs on GitHub Actions) are hidden meanwhile.
 *
 * Note: @actions/github builds `context` (and its default baseUrl) when first imported, so env
 * must be in place before that import if code under test reads `github.context`.
 */
export async function withEnv<T>(
  env: Readonly<Record<string, string>>,
  fn: () => Promise<T> | T,
  isolate = true,
): Promise<T> {
  const saved = new Map<string, string | undefined>();
  const save = (k: string): void => {
    if (!saved.has(k)) saved.set(k, process.env[k]);
  };
  if (isolate) {
    for (const k of Object.keys(process.env)) {
      if (RUNNER_VAR.test(k) && !(k in env)) {
        save(k);
        delete process.env[k];
      }
    }
  }
  for (const [k, v] of Object.entries(env)) {
    save(k);
    process.env[k] = v;
  }
  try {
    return await fn();
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

export interface PullRequestEventOptions {
  /** Directory to write `event.json` into, or a full file path ending in `.json`. */
  path: string;
  owner?: string;
  repo?: string;
  number?: number;
  headSha?: string;
  headRef?: string;
  baseSha?: string;
  baseRef?: string;
  /** head.repo is a fork owned by `forkOwner` (default `${owner}-fork`). */
  fork?: boolean;
  forkOwner?: string;
  action?: 'opened' | 'synchronize' | 'reopened' | 'edited' | 'labeled';
  title?: string;
  draft?: boolean;
  sender?: string;
  /** Base of the `url` fields in the payload; default `https://api.github.com`. */
  apiUrl?: string;
}

/** What writePullRequestEvent returns: spread it into runnerEnv options. */
export interface PullRequestEvent {
  eventPath: string;
  eventName: 'pull_request';
  repository: string;
  /** refs/pull/N/merge, as the runner sets GITHUB_REF for pull_request. */
  ref: string;
  /** The merge commit sha (GITHUB_SHA); NOT the head sha - that is payload.pull_request.head.sha. */
  sha: string;
  headRef: string;
  baseRef: string;
  headSha: string;
  payload: PullRequestEventPayload;
}

export interface EventRepository {
  id: number;
  node_id: string;
  name: string;
  full_name: string;
  private: boolean;
  fork: boolean;
  owner: { login: string; id: number; type: 'User' | 'Organization' };
  html_url: string;
  url: string;
  default_branch: string;
}

export interface PullRequestEventPayload {
  action: string;
  number: number;
  pull_request: {
    id: number;
    node_id: string;
    number: number;
    state: 'open';
    draft: boolean;
    title: string;
    html_url: string;
    url: string;
    user: { login: string; id: number; type: 'User' };
    head: {
      label: string;
      ref: string;
      sha: string;
      repo: EventRepository;
      user: { login: string };
    };
    base: {
      label: string;
      ref: string;
      sha: string;
      repo: EventRepository;
      user: { login: string };
    };
    merge_commit_sha: string;
  };
  repository: EventRepository;
  sender: { login: string; id: number; type: 'User' };
}

export function writePullRequestEvent(options: PullRequestEventOptions): PullRequestEvent {
  const owner = options.owner ?? 'octo-org';
  const repo = options.repo ?? 'octo-repo';
  const number = options.number ?? 7;
  const headRef = options.headRef ?? `feature-${number}`;
  const baseRef = options.baseRef ?? 'main';
  const hash = (s: string): string => createHash('sha1').update(s).digest('hex');
  const headSha = options.headSha ?? hash(`head:${owner}/${repo}#${number}`);
  const baseSha = options.baseSha ?? hash(`base:${owner}/${repo}#${number}`);
  const mergeSha = hash(`merge:${headSha}:${baseSha}`);
  const headOwner = options.fork ? (options.forkOwner ?? `${owner}-fork`) : owner;
  const sender = options.sender ?? (options.fork ? headOwner : 'octocat');
  const apiBase = options.apiUrl ?? 'https://api.github.com';
  const repoJson = (o: string, fork: boolean, id: number): EventRepository => ({
    id,
    node_id: `R_kgDO${Buffer.from(String(id)).toString('base64url')}`,
    name: repo,
    full_name: `${o}/${repo}`,
    private: false,
    fork,
    owner: { login: o, id: id + 1, type: o === owner ? 'Organization' : 'User' },
    html_url: `https://github.com/${o}/${repo}`,
    url: `${apiBase}/repos/${o}/${repo}`,
    default_branch: 'main',
  });
  const baseRepo = repoJson(owner, false, 700_000_001);
  const headRepo = options.fork ? repoJson(headOwner, true, 700_000_101) : baseRepo;
  const payload: PullRequestEventPayload = {
    action: options.action ?? 'synchronize',
    number,
    pull_request: {
      id: 1_900_000_000 + number,
      node_id: `PR_kwDO${Buffer.from(String(number)).toString('base64url')}`,
      number,
      state: 'open',
      draft: options.draft ?? false,
      title: options.title ?? `Pull request #${number}`,
      html_url: `https://github.com/${owner}/${repo}/pull/${number}`,
      url: `${apiBase}/repos/${owner}/${repo}/pulls/${number}`,
      user: { login: sender, id: 583231, type: 'User' },
      head: {
        label: `${headOwner}:${headRef}`,
        ref: headRef,
        sha: headSha,
        repo: headRepo,
        user: { login: headOwner },
      },
      base: {
        label: `${owner}:${baseRef}`,
        ref: baseRef,
        sha: baseSha,
        repo: baseRepo,
        user: { login: owner },
      },
      merge_commit_sha: mergeSha,
    },
    repository: baseRepo,
    sender: { login: sender, id: 583231, type: 'User' },
  };
  let eventPath = options.path;
  if (!eventPath.endsWith('.json')) {
    mkdirSync(eventPath, { recursive: true });
    eventPath = join(eventPath, 'event.json');
  }
  writeFileSync(eventPath, JSON.stringify(payload, null, 2));
  return {
    eventPath,
    eventName: 'pull_request',
    repository: `${owner}/${repo}`,
    ref: `refs/pull/${number}/merge`,
    sha: mergeSha,
    headRef,
    baseRef,
    headSha,
    payload,
  };
}
