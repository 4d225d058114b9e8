/**
 * A GitHub-like HTTP server for tests.
 *
 * The real clients (@actions/github + @octokit/plugin-retry + @octokit/plugin-throttling,
 * @actions/artifact v6 with its Azure BlockBlobClient) talk to it over real HTTP on
 * 127.0.0.1. One listener serves three "hosts", distinguished by path:
 *
 *   - REST API        `${apiUrl}/repos/...`             (GITHUB_API_URL)
 *   - Results service `${url}/twirp/github.actions.results.api.v1.ArtifactService/...`
 *                     (ACTIONS_RESULTS_URL; the artifact client only keeps its *origin*)
 *   - Blob storage    `${url}/devstoreaccount1/actions-results/...` (signed upload URLs;
 *                     Azure's SDK treats an IP host as path-style `/{account}/{container}/{blob}`)
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, STATUS_CODES } from 'node:http';
import { resolve as resolvePath, sep } from 'node:path';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32, gunzipSync, inflateRawSync } from 'node:zlib';
import Bottleneck from 'bottleneck';
import type { ThrottlingOptions } from '@octokit/plugin-throttling';
import type { Log as SarifLog } from 'sarif';

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

export interface GitHubUser {
  login: string;
  id: number;
  type: 'User' | 'Bot' | 'Organization';
}

/** The JSON shape GitHub returns for an issue comment (the fields tests care about). */
export interface IssueComment {
  id: number;
  node_id: string;
  url: string;
  html_url: string;
  issue_url: string;
  body: string;
  user: GitHubUser;
  created_at: string;
  updated_at: string;
  author_association: string;
}

/** A comment as stored by the server: the API shape plus where it lives. */
export interface StoredComment extends IssueComment {
  owner: string;
  repo: string;
  issueNumber: number;
}

export interface CommentSeed {
  owner: string;
  repo: string;
  issueNumber: number;
  body: string;
  user?: GitHubUser;
  /** ISO timestamp; defaults to now. */
  createdAt?: string;
}

export type PullFileStatus =
  'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';

export interface PullFileSeed {
  filename: string;
  status?: PullFileStatus;
  additions?: number;
  deletions?: number;
  patch?: string;
  previous_filename?: string;
}

export interface PullFile {
  sha: string;
  filename: string;
  status: PullFileStatus;
  additions: number;
  deletions: number;
  changes: number;
  blob_url: string;
  raw_url: string;
  contents_url: string;
  patch?: string;
  previous_filename?: string;
}

export interface PullRequestSeed {
  owner: string;
  repo: string;
  number: number;
  title?: string;
  headSha?: string;
  headRef?: string;
  baseSha?: string;
  baseRef?: string;
  /** head.repo is a fork (different owner); defaults to false. */
  fork?: boolean;
  files?: readonly PullFileSeed[];
}

export interface StoredPullRequest {
  owner: string;
  repo: string;
  number: number;
  title: string;
  headSha: string;
  headRef: string;
  baseSha: string;
  baseRef: string;
  fork: boolean;
  files: PullFile[];
}

export interface SarifUpload {
  id: string;
  owner: string;
  repo: string;
  commitSha: string;
  ref: string;
  checkoutUri: string | undefined;
  toolName: string | undefined;
  startedAt: string | undefined;
  /** Size of the gzip blob after base64 decoding. */
  gzipSize: number;
  /** The decoded, parsed SARIF log. */
  sarif: SarifLog;
  receivedAt: string;
  /** Number of GET .../sarifs/{id} polls seen so far. */
  polls: number;
  /** `complete`, or `failed` with `errors`, decided when it arrives (GitHub reports it on poll). */
  processingStatus: 'complete' | 'failed';
  errors: string[];
  /**
   * Result URIs (locations and related locations) that name no file of the checkout given with
   * `setCheckout`, read as GitHub reads them: relative to the repository root, whatever
   * `uriBaseId`/`originalUriBaseIds` say; absolute file URIs only under `checkout_uri`.
   */
  unresolvedUris: string[];
}

/** The current analysis for one (ref, tool, category), as code scanning keeps it. */
export interface StoredAnalysis {
  ref: string;
  commitSha: string;
  tool: string;
  category: string;
  sarifId: string;
  results: number;
}

/** A code-scanning alert: opened by an analysis, fixed when a later one of its triple omits it. */
export interface StoredAlert {
  number: number;
  ref: string;
  tool: string;
  category: string;
  ruleId: string;
  path: string;
  line: number | undefined;
  state: 'open' | 'fixed';
}

export interface ZipEntry {
  name: string;
  isDirectory: boolean;
  /** 0 = stored, 8 = deflate. */
  method: number;
  data: Buffer;
}

export interface StoredArtifact {
  /** database id returned by FinalizeArtifact. */
  id: number;
  name: string;
  workflowRunBackendId: string;
  workflowJobRunBackendId: string;
  mimeType: string | undefined;
  /** CreateArtifact `version` (the v6 client sends 7). */
  version: number;
  createdAt: string;
  /** RFC 3339 expiry sent by the client (absent when no retentionDays was given). */
  expiresAt: string | undefined;
  /** expiresAt - createdAt, rounded to whole days. */
  retentionDays: number | undefined;
  signedUploadUrl: string;
  finalized: boolean;
  /** `size` reported by FinalizeArtifact. */
  size: number | undefined;
  /** `hash` reported by FinalizeArtifact, e.g. `sha256:abc...`. */
  hash: string | undefined;
  /** Committed blob bytes (the zip, or the raw file for skipArchive uploads). */
  blob: Buffer | undefined;
  /** Number of blocks in the committed block list (0 for a single-shot PUT). */
  blockCount: number;
  /** Unzip the committed blob. Throws if nothing was uploaded or it is not a zip. */
  zipEntries(): ZipEntry[];
  /** Unzipped regular files keyed by their path inside the zip. */
  files(): Map<string, Buffer>;
}

/** A workflow run as REST GET /actions/runs/{id} describes it (the fields Scanfold reads). */
export interface WorkflowRunSeed {
  /** The numeric run id (GITHUB_RUN_ID); artifacts uploaded with that run's runtime token belong to it. */
  id: number;
  headBranch: string;
  headSha: string;
  /** `completed` unless given. */
  status?: 'queued' | 'in_progress' | 'completed';
  /** `success`, `failure`, `cancelled`, … ; null while the run is not completed. */
  conclusion: string | null;
}

export type ServiceKind = 'rest' | 'twirp' | 'blob' | 'other';

export interface RecordedRequest {
  seq: number;
  /** Date.now() when the request head arrived. */
  time: number;
  method: string;
  /** Path name as received (including any API prefix), without the query string. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  bodySize: number;
  body: Buffer;
  /** HTTP status sent back (0 while the response is pending). */
  status: number;
  /** True when the response came from an injected fault. */
  faulted: boolean;
  service: ServiceKind;
}

export interface FaultRule {
  /** HTTP method to match (case-insensitive); any when omitted. */
  method?: string;
  /** Tested against the request path name as received (no query string). */
  path: RegExp;
  /** The status answered; 500 when omitted. Ignored by the `network` faults. */
  status?: number;
  /**
   * A fault below HTTP instead of an answer:
   * - `reset`: the connection is destroyed before any byte of an answer;
   * - `reset-mid-response`: the request is carried out, its real answer's head and half its body
   *   are sent, then the connection is destroyed (a proxy or load balancer dropping it);
   * - `stall`: nothing is ever answered; the client has to give up (the server closes the socket
   *   only when it shuts down).
   */
  network?: 'reset' | 'reset-mid-response' | 'stall';
  /** How many matching requests fail; defaults to 1. Use Infinity for "always". */
  times?: number;
  headers?: Readonly<Record<string, string>>;
  /** A string is sent verbatim; anything else is sent as JSON. Defaults to `{message: <reason>}`. */
  body?: unknown;
  /**
   * The request is carried out first and only the answer is lost (a gateway timeout after the
   * write): what makes a blindly retried POST duplicate its effect. REST only.
   */
  afterHandling?: boolean;
}

export interface FaultHandle {
  readonly rule: FaultRule;
  /** Requests this fault has answered. */
  readonly hits: number;
  /** Remaining failures (Infinity for permanent faults). */
  readonly remaining: number;
  remove(): void;
}

export interface GitHubServerOptions {
  /** Prefix of the REST API under the origin, e.g. '/api/v3'. Default '' (like api.github.com). */
  apiPathPrefix?: string;
  /** Used for html_url and as the GITHUB_SERVER_URL runnerEnv suggests. Default 'https://github.com'. */
  serverUrl?: string;
  /** Accepted API tokens. Default: any non-empty token. */
  tokens?: readonly string[];
  /** Author of comments created through the API. Default github-actions[bot]. */
  botUser?: GitHubUser;
  comments?: readonly CommentSeed[];
  pullRequests?: readonly PullRequestSeed[];
  /** Default 65536, like GitHub. */
  maxCommentLength?: number;
  /** Gzip size limit for SARIF uploads. Default 10,000,000 bytes: GitHub's docs say "10 MB". */
  maxSarifGzipBytes?: number;
  /** Max runs per SARIF upload. Default 20, like GitHub. */
  maxSarifRuns?: number;
  /** GET .../sarifs/{id} answers `pending` this many times before `complete`. Default 0. */
  sarifPendingPolls?: number;
  /** Link headers point at `/repositories/{id}/...` (like GitHub, default) or `/repos/{o}/{r}/...`. */
  linkStyle?: 'repositories' | 'repos';
  /** Maximum accepted request body. Default 100 MiB. */
  maxBodyBytes?: number;
  /** Verify that Twirp request backend ids match the runtime token's `Actions.Results` scope. Default true. */
  verifyRuntimeToken?: boolean;
  /**
   * Whom each token acts as (author of the comments it creates, GraphQL `viewer`, GET /user).
   * Tokens not listed act as `botUser`, like GITHUB_TOKEN. Bot identities get 403 on GET /user.
   */
  tokenUsers?: Readonly<Record<string, GitHubUser>>;
  /**
   * Tokens that can only read, as a fork PR's GITHUB_TOKEN is whatever `permissions:` says:
   * creating or changing comments and uploading SARIF get 403 "Resource not accessible by
   * integration". None by default.
   */
  readOnlyTokens?: readonly string[];
  /**
   * Only issues that exist take comments (like GitHub: 404 otherwise): pull requests added with
   * `pullRequests`/`addPullRequest` (runnerEnv adds a pull_request event's own) and issues that
   * have comments. On by default; `false` only for a test about something else that cannot seed.
   */
  knownIssuesOnly?: boolean;
  /** Extra processing errors for an upload (e.g. to fail one tool's analysis); none by default. */
  processingErrors?: (sarif: SarifLog) => string[];
}

export interface GitHubServer {
  /** Origin, e.g. `http://127.0.0.1:43210`. */
  readonly url: string;
  /** REST base URL (GITHUB_API_URL). */
  readonly apiUrl: string;
  /** ACTIONS_RESULTS_URL (origin + '/', like the real `https://results-receiver.actions.githubusercontent.com/`). */
  readonly resultsUrl: string;
  /** GITHUB_SERVER_URL to use (must look like github.com for @actions/artifact). */
  readonly serverUrl: string;
  readonly requests: RecordedRequest[];
  /** Live (non-deleted) comments across all issues, in creation order. */
  readonly comments: StoredComment[];
  readonly sarifUploads: SarifUpload[];
  readonly artifacts: StoredArtifact[];
  readonly caches: StoredCacheEntry[];
  readonly pullRequests: StoredPullRequest[];
  /** Current analyses, one per (ref, tool, category). */
  readonly analyses: StoredAnalysis[];
  readonly alerts: StoredAlert[];
  /** The repository checkout that result URIs are checked against (undefined: not checked). */
  setCheckout(dir: string | undefined): void;
  injectFault(rule: FaultRule): FaultHandle;
  clearFaults(): void;
  addComment(seed: CommentSeed): StoredComment;
  /** Seed `count` comments (body defaults to `Unrelated comment #i`). */
  seedComments(
    target: { owner: string; repo: string; issueNumber: number },
    count: number,
    body?: (index: number) => string,
  ): StoredComment[];
  commentsOn(owner: string, repo: string, issueNumber: number): StoredComment[];
  addPullRequest(seed: PullRequestSeed): StoredPullRequest;
  /** Register a workflow run (its branch and conclusion) for the actions/runs and artifacts REST API. */
  addWorkflowRun(seed: WorkflowRunSeed): void;
  /** Numeric repository id used in `/repositories/{id}` links. */
  repositoryId(owner: string, repo: string): number;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Helpers usable by tests
// ---------------------------------------------------------------------------------------------

export const GITHUB_ACTIONS_BOT: GitHubUser = {
  login: 'github-actions[bot]',
  id: 41898282,
  type: 'Bot',
};
export const ARTIFACT_SERVICE = 'github.actions.results.api.v1.ArtifactService';
export const CACHE_SERVICE = 'github.actions.results.api.v1.CacheService';
const BLOB_PREFIX = '/devstoreaccount1/actions-results/';
const CACHE_BLOB_PREFIX = '/devstoreaccount1/actions-cache/';

/** A cache entry of the v2 cache service (@actions/cache ≥ 4 with ACTIONS_CACHE_SERVICE_V2). */
export interface StoredCacheEntry {
  id: number;
  key: string;
  version: string;
  createdAt: number;
  finalized: boolean;
  sizeBytes: number | undefined;
  blob: Buffer | undefined;
  /** Times a restore was answered with this entry. */
  restores: number;
}

/**
 * Bottleneck groups without the plugin's 1 s (write) / 3 s (notification) spacing, for
 * `throttle: { ...fastThrottleGroups(), onRateLimit, onSecondaryRateLimit }`.
 * The plugin's default groups are module-global and shared by every Octokit instance.
 */
export function fastThrottleGroups(): Required<
  Pick<ThrottlingOptions, 'write' | 'notifications' | 'search'>
> {
  const group = (): Bottleneck.Group => new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 });
  return { write: group(), notifications: group(), search: group() };
}

/**
 * An http:// URL on 127.0.0.1 where nothing listens (a port just bound and released): connections
 * to it are refused, like a service that is down.
 */
export async function refusingUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}/`;
}

/** Minimal zip reader (central directory based; handles data descriptors and zip64). */
export function readZip(buf: Buffer): ZipEntry[] {
  const EOCD = 0x06054b50;
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip: end of central directory not found');
  let count = buf.readUInt16LE(eocd + 10);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if (
    (count === 0xffff || cdOffset === 0xffffffff) &&
    eocd >= 20 &&
    buf.readUInt32LE(eocd - 20) === 0x07064b50
  ) {
    const z64 = Number(buf.readBigUInt64LE(eocd - 20 + 8));
    if (buf.readUInt32LE(z64) !== 0x06064b50) throw new Error('bad zip64 end of central directory');
    count = Number(buf.readBigUInt64LE(z64 + 32));
    cdOffset = Number(buf.readBigUInt64LE(z64 + 48));
  }
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory entry at ${p}`);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    let compressedSize = buf.readUInt32LE(p + 20);
    let size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localOffset = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    // zip64 extended information extra field
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = buf.readUInt16LE(e);
      const len = buf.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff) {
          size = Number(buf.readBigUInt64LE(q));
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = Number(buf.readBigUInt64LE(q));
          q += 8;
        }
        if (localOffset === 0xffffffff) localOffset = Number(buf.readBigUInt64LE(q));
      }
      e += 4 + len;
    }
    if (buf.readUInt32LE(localOffset) !== 0x04034b50)
      throw new Error(`bad local header for ${name}`);
    const dataStart =
      localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    const raw = buf.subarray(dataStart, dataStart + compressedSize);
    let data: Buffer;
    if (method === 0) data = Buffer.from(raw);
    else if (method === 8) data = inflateRawSync(raw);
    else throw new Error(`unsupported zip compression method ${method} for ${name}`);
    if (data.length !== size)
      throw new Error(`size mismatch for ${name}: ${data.length} != ${size}`);
    if (crc32(data) !== crc) throw new Error(`CRC mismatch for ${name}`);
    entries.push({ name, isDirectory: name.endsWith('/'), method, data });
    p = extraEnd + commentLen;
  }
  return entries;
}

/** Decode the payload of a JWT without verifying it. */
export function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  const part = token.split('.')[1];
  if (part === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Internals
// ---------------------------------------------------------------------------------------------

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** GitHub-style timestamp without milliseconds. */
function ghTime(d: Date = new Date()): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function fakeSha(seed: string): string {
  return createHash('sha1').update(seed).digest('hex');
}

class HttpError extends Error {
  readonly status: number;
  readonly payload: unknown;
  readonly headers: Record<string, string>;
  constructor(status: number, payload: unknown, headers: Record<string, string> = {}) {
    super(`HTTP ${status}`);
    this.status = status;
    this.payload = payload;
    this.headers = headers;
  }
}

const DOCS = 'https://docs.github.com/rest';

function restError(
  status: number,
  message: string,
  extra: Record<string, unknown> = {},
  docs = DOCS,
): HttpError {
  return new HttpError(status, {
    message,
    ...extra,
    documentation_url: docs,
    status: String(status),
  });
}

type TwirpCode =
  | 'invalid_argument'
  | 'not_found'
  | 'already_exists'
  | 'permission_denied'
  | 'unauthenticated'
  | 'failed_precondition'
  | 'internal';

const TWIRP_STATUS: Record<TwirpCode, number> = {
  invalid_argument: 400,
  not_found: 404,
  already_exists: 409,
  permission_denied: 403,
  unauthenticated: 401,
  failed_precondition: 412,
  internal: 500,
};

function twirpError(code: TwirpCode, msg: string): HttpError {
  return new HttpError(TWIRP_STATUS[code], { code, msg });
}

/** A Twirp JSON request body, or the error the service answers for anything else. */
function twirpBody(body: Buffer): Record<string, unknown> {
  let req: unknown;
  try {
    req = JSON.parse(body.toString('utf8'));
  } catch {
    throw twirpError('invalid_argument', 'request body is not valid JSON');
  }
  if (!isRecord(req)) throw twirpError('invalid_argument', 'request body must be an object');
  return req;
}

function blobError(status: number, code: string, message: string): HttpError {
  const xml = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  return new HttpError(status, xml, { 'content-type': 'application/xml', 'x-ms-error-code': code });
}

interface FaultState {
  rule: FaultRule;
  remaining: number;
  hits: number;
}

interface ArtifactInternal extends StoredArtifact {
  /** Numeric run id from the runtime token's `Actions.UploadArtifacts:{runId}:{attempt}` scope. */
  runId: number | undefined;
  uploadSig: string;
  readSigs: Set<string>;
  blobPath: string;
  blocks: Map<string, Buffer>;
}

function strField(body: Record<string, unknown>, key: string): string | undefined {
  const v = body[key];
  return typeof v === 'string' ? v : undefined;
}

/** protobuf JSON wrapper (StringValue) is either the bare value or `{value}`. */
function wrappedString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (isRecord(v) && typeof v['value'] === 'string') return v['value'];
  return undefined;
}

function parsePositiveInt(s: string | undefined): number | undefined {
  if (s === undefined || !/^\d+$/.test(s)) return undefined;
  const n = Number(s);
  return n > 0 ? n : undefined;
}

function readBody(
  req: IncomingMessage,
  limit: number,
): Promise<{ body: Buffer; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve({ body: Buffer.concat(chunks), tooLarge }));
    req.on('error', reject);
  });
}

// ---------------------------------------------------------------------------------------------
// Server
// ---------------------------------------------------------------------------------------------

export async function startGitHubServer(options: GitHubServerOptions = {}): Promise<GitHubServer> {
  const apiPathPrefix = (options.apiPathPrefix ?? '').replace(/\/+$/, '');
  const serverUrl = (options.serverUrl ?? 'https://github.com').replace(/\/+$/, '');
  const botUser = options.botUser ?? GITHUB_ACTIONS_BOT;
  const maxCommentLength = options.maxCommentLength ?? 65536;
  const maxSarifGzipBytes = options.maxSarifGzipBytes ?? 10_000_000;
  const maxSarifRuns = options.maxSarifRuns ?? 20;
  const sarifPendingPolls = options.sarifPendingPolls ?? 0;
  const linkStyle = options.linkStyle ?? 'repositories';
  const maxBodyBytes = options.maxBodyBytes ?? 100 * 1024 * 1024;
  const verifyRuntimeToken = options.verifyRuntimeToken ?? true;
  const acceptedTokens = options.tokens ? new Set(options.tokens) : undefined;
  const tokenUsers = new Map(Object.entries(options.tokenUsers ?? {}));
  const readOnlyTokens = new Set(options.readOnlyTokens ?? []);
  const analyses: StoredAnalysis[] = [];
  const caches: (StoredCacheEntry & { sig: string; blocks: Map<string, Buffer> })[] = [];
  let nextCacheId = 1;
  const alerts: StoredAlert[] = [];
  let checkoutDir: string | undefined;
  let nextAlertNumber = 1;

  const requests: RecordedRequest[] = [];
  const comments: StoredComment[] = [];
  const sarifUploads: SarifUpload[] = [];
  const artifacts: ArtifactInternal[] = [];
  const workflowRuns = new Map<number, WorkflowRunSeed>();
  const pullRequests: StoredPullRequest[] = [];
  let faults: FaultState[] = [];
  const repoIds = new Map<string, { id: number; owner: string; repo: string }>();
  let nextCommentId = 1_000_000_001;
  let nextArtifactId = 2_000_001;
  let seq = 0;

  let origin = '';
  let apiUrl = '';

  const repoKey = (owner: string, repo: string): string => `${owner}/${repo}`.toLowerCase();
  const repositoryId = (owner: string, repo: string): number => {
    const key = repoKey(owner, repo);
    let entry = repoIds.get(key);
    if (!entry) {
      entry = { id: 700_000_000 + repoIds.size + 1, owner, repo };
      repoIds.set(key, entry);
    }
    return entry.id;
  };

  const findPull = (owner: string, repo: string, number: number): StoredPullRequest | undefined =>
    pullRequests.find(
      (p) => repoKey(p.owner, p.repo) === repoKey(owner, repo) && p.number === number,
    );

  const commentsOn = (owner: string, repo: string, issueNumber: number): StoredComment[] =>
    comments.filter(
      (c) => repoKey(c.owner, c.repo) === repoKey(owner, repo) && c.issueNumber === issueNumber,
    );

  const addComment = (seed: CommentSeed): StoredComment => {
    const id = nextCommentId++;
    const created = seed.createdAt ?? ghTime();
    const kind = findPull(seed.owner, seed.repo, seed.issueNumber) ? 'pull' : 'issues';
    repositoryId(seed.owner, seed.repo);
    const comment: StoredComment = {
      id,
      node_id: `IC_kwDO${Buffer.from(`IssueComment:${id}`).toString('base64url')}`,
      url: `${apiUrl}/repos/${seed.owner}/${seed.repo}/issues/comments/${id}`,
      html_url: `${serverUrl}/${seed.owner}/${seed.repo}/${kind}/${seed.issueNumber}#issuecomment-${id}`,
      issue_url: `${apiUrl}/repos/${seed.owner}/${seed.repo}/issues/${seed.issueNumber}`,
      body: seed.body,
      user: { ...(seed.user ?? botUser) },
      created_at: created,
      updated_at: created,
      author_association: (seed.user ?? botUser).type === 'Bot' ? 'NONE' : 'MEMBER',
      owner: seed.owner,
      repo: seed.repo,
      issueNumber: seed.issueNumber,
    };
    comments.push(comment);
    return comment;
  };

  const addPullRequest = (seed: PullRequestSeed): StoredPullRequest => {
    repositoryId(seed.owner, seed.repo);
    const headSha = seed.headSha ?? fakeSha(`head:${seed.owner}/${seed.repo}#${seed.number}`);
    const files = (seed.files ?? []).map((f): PullFile => {
      const additions = f.additions ?? 1;
      const deletions = f.deletions ?? 0;
      const enc = f.filename.split('/').map(encodeURIComponent).join('/');
      const file: PullFile = {
        sha: fakeSha(`blob:${f.filename}:${headSha}`),
        filename: f.filename,
        status: f.status ?? 'modified',
        additions,
        deletions,
        changes: additions + deletions,
        blob_url: `${serverUrl}/${seed.owner}/${seed.repo}/blob/${headSha}/${enc}`,
        raw_url: `${serverUrl}/${seed.owner}/${seed.repo}/raw/${headSha}/${enc}`,
        contents_url: `${apiUrl}/repos/${seed.owner}/${seed.repo}/contents/${enc}?ref=${headSha}`,
      };
      if (f.patch !== undefined) file.patch = f.patch;
      if (f.previous_filename !== undefined) file.previous_filename = f.previous_filename;
      return file;
    });
    const pr: StoredPullRequest = {
      owner: seed.owner,
      repo: seed.repo,
      number: seed.number,
      title: seed.title ?? `Pull request #${seed.number}`,
      headSha,
      headRef: seed.headRef ?? `feature-${seed.number}`,
      baseSha: seed.baseSha ?? fakeSha(`base:${seed.owner}/${seed.repo}#${seed.number}`),
      baseRef: seed.baseRef ?? 'main',
      fork: seed.fork ?? false,
      files,
    };
    const existing = findPull(seed.owner, seed.repo, seed.number);
    if (existing) pullRequests.splice(pullRequests.indexOf(existing), 1, pr);
    else pullRequests.push(pr);
    return pr;
  };

  // ---- pagination ----------------------------------------------------------------------------

  interface Page<T> {
    items: T[];
    link: string | undefined;
  }

  const paginate = <T>(all: readonly T[], url: URL, linkPath: string, cap = Infinity): Page<T> => {
    const requestedPerPage = parsePositiveInt(url.searchParams.get('per_page') ?? undefined);
    const perPage = Math.min(requestedPerPage ?? 30, 100);
    const page = parsePositiveInt(url.searchParams.get('page') ?? undefined) ?? 1;
    const list = all.slice(0, cap);
    const lastPage = Math.max(1, Math.ceil(list.length / perPage));
    const items = list.slice((page - 1) * perPage, page * perPage);
    if (lastPage === 1 && page === 1) return { items, link: undefined };
    const href = (p: number): string => {
      const q = new URLSearchParams(url.searchParams);
      q.delete('page');
      q.append('page', String(p));
      return `<${apiUrl}${linkPath}?${q.toString()}>`;
    };
    const parts: string[] = [];
    if (page > 1) parts.push(`${href(page - 1)}; rel="prev"`);
    if (page < lastPage)
      parts.push(`${href(page + 1)}; rel="next"`, `${href(lastPage)}; rel="last"`);
    if (page > 1) parts.push(`${href(1)}; rel="first"`);
    return { items, link: parts.join(', ') };
  };

  const linkBase = (owner: string, repo: string): string =>
    linkStyle === 'repositories'
      ? `/repositories/${repositoryId(owner, repo)}`
      : `/repos/${owner}/${repo}`;

  // ---- REST ----------------------------------------------------------------------------------

  interface RestResult {
    status: number;
    body?: unknown;
    headers?: Record<string, string>;
  }

  const parseJsonBody = (body: Buffer): Record<string, unknown> => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8') || 'null');
    } catch {
      throw restError(400, 'Problems parsing JSON');
    }
    if (!isRecord(parsed)) throw restError(400, 'Problems parsing JSON');
    return parsed;
  };

  const checkCommentBody = (payload: Record<string, unknown>, docs: string): string => {
    const body = payload['body'];
    if (typeof body !== 'string') {
      throw restError(422, `Invalid request.\n\n"body" wasn't supplied.`, {}, docs);
    }
    if ([...body].length > maxCommentLength) {
      throw restError(
        422,
        'Validation Failed',
        {
          errors: [
            {
              resource: 'IssueComment',
              code: 'custom',
              field: 'body',
              message: `Body is too long (maximum is ${maxCommentLength} characters)`,
            },
          ],
        },
        docs,
      );
    }
    return body;
  };

  const commentJson = (c: StoredComment): IssueComment => ({
    id: c.id,
    node_id: c.node_id,
    url: c.url,
    html_url: c.html_url,
    issue_url: c.issue_url,
    body: c.body,
    user: c.user,
    created_at: c.created_at,
    updated_at: c.updated_at,
    author_association: c.author_association,
  });

  /**
   * An analysis replaces the previous one of the same (ref, tool, category); alerts that it no
   * longer reports are closed as fixed, those it reports are (re)opened. Other triples are untouched.
   */
  const fileAnalyses = (
    ref: string,
    commitSha: string,
    sarifId: string,
    log: SarifLog,
    keys: { tool: string; category: string }[],
  ): void => {
    log.runs.forEach((run, index) => {
      const key = keys[index];
      if (!key) return;
      const existing = analyses.findIndex(
        (a) => a.ref === ref && a.tool === key.tool && a.category === key.category,
      );
      const analysis: StoredAnalysis = {
        ref,
        commitSha,
        tool: key.tool,
        category: key.category,
        sarifId,
        results: run.results?.length ?? 0,
      };
      if (existing >= 0) analyses.splice(existing, 1, analysis);
      else analyses.push(analysis);
      const reported = new Map<string, Omit<StoredAlert, 'number' | 'state'>>();
      for (const result of run.results ?? []) {
        const ruleId = result.ruleId ?? result.rule?.id ?? '';
        const physical = result.locations?.[0]?.physicalLocation;
        const path = physical?.artifactLocation?.uri ?? '';
        const line = physical?.region?.startLine;
        const fingerprint = Object.entries(result.partialFingerprints ?? {})
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => `${k}=${v}`)
          .join(',');
        reported.set(`${ruleId}\u0000${path}\u0000${fingerprint || String(line)}`, {
          ref,
          tool: key.tool,
          category: key.category,
          ruleId,
          path,
          line,
        });
      }
      const alertKey = (a: Omit<StoredAlert, 'number' | 'state'>, fp: string): string =>
        `${a.ref}\u0000${a.tool}\u0000${a.category}\u0000${fp}`;
      const known = new Map<string, StoredAlert>();
      for (const alert of alerts)
        if (alert.ref === ref && alert.tool === key.tool && alert.category === key.category)
          known.set(alertKey(alert, alertFingerprints.get(alert) ?? ''), alert);
      const seenNow = new Set<StoredAlert>();
      for (const [fp, fields] of reported) {
        const found = known.get(alertKey(fields, fp));
        if (found) {
          found.state = 'open';
          seenNow.add(found);
        } else {
          const alert: StoredAlert = { ...fields, number: nextAlertNumber++, state: 'open' };
          alertFingerprints.set(alert, fp);
          alerts.push(alert);
          seenNow.add(alert);
        }
      }
      for (const alert of known.values()) if (!seenNow.has(alert)) alert.state = 'fixed';
    });
  };
  const alertFingerprints = new WeakMap<StoredAlert, string>();

  const handleSarifUpload = (
    owner: string,
    repo: string,
    payload: Record<string, unknown>,
  ): RestResult => {
    const docs =
      'https://docs.github.com/rest/code-scanning/code-scanning#upload-an-analysis-as-sarif-data';
    for (const key of ['commit_sha', 'ref', 'sarif']) {
      if (typeof payload[key] !== 'string')
        throw restError(422, `Invalid request.\n\n"${key}" wasn't supplied.`, {}, docs);
    }
    const commitSha = strField(payload, 'commit_sha') ?? '';
    const ref = strField(payload, 'ref') ?? '';
    const sarifB64 = strField(payload, 'sarif') ?? '';
    if (!/^([0-9a-f]{40}|[0-9a-f]{64})$/.test(commitSha)) {
      throw restError(
        422,
        `Invalid request.\n\nInvalid property /commit_sha: \`${commitSha}\` is not a valid commit SHA.`,
        {},
        docs,
      );
    }
    if (!/^refs\/(heads|tags|pull)\/.+/.test(ref)) {
      throw restError(
        422,
        `Invalid request.\n\nInvalid property /ref: \`${ref}\` does not match the ref pattern.`,
        {},
        docs,
      );
    }
    const gz = Buffer.from(sarifB64, 'base64');
    if (gz.length > maxSarifGzipBytes) {
      throw restError(
        413,
        `Payload Too Large: the gzip-compressed SARIF is ${gz.length} bytes (maximum ${maxSarifGzipBytes}).`,
        {},
        docs,
      );
    }
    let json: string;
    try {
      json = gunzipSync(gz).toString('utf8');
    } catch {
      throw restError(
        400,
        'Invalid SARIF: the sarif field must be gzip-compressed and base64-encoded.',
        {},
        docs,
      );
    }
    let log: unknown;
    try {
      log = JSON.parse(json);
    } catch {
      throw restError(400, 'Invalid SARIF: the decompressed payload is not valid JSON.', {}, docs);
    }
    if (!isRecord(log) || log['version'] !== '2.1.0') {
      throw restError(400, 'Invalid SARIF: unsupported SARIF version, expected "2.1.0".', {}, docs);
    }
    const runs = log['runs'];
    if (!Array.isArray(runs))
      throw restError(400, 'Invalid SARIF: "runs" must be an array.', {}, docs);
    const errors: string[] = [];
    // Accepted (202), then failed when processed, as GitHub does.
    if (runs.length > maxSarifRuns)
      errors.push(
        `rejecting SARIF, as there are more runs than allowed (${runs.length} > ${maxSarifRuns})`,
      );
    const seen = new Set<string>();
    const runKeys: { tool: string; category: string }[] = [];
    for (const run of runs as unknown[]) {
      const tool =
        isRecord(run) && isRecord(run['tool']) && isRecord(run['tool']['driver'])
          ? run['tool']['driver']['name']
          : undefined;
      if (typeof tool !== 'string')
        throw restError(400, 'Invalid SARIF: every run needs tool.driver.name.', {}, docs);
      const details = isRecord(run) ? run['automationDetails'] : undefined;
      const autoId = isRecord(details) && typeof details['id'] === 'string' ? details['id'] : '';
      // The category is everything up to (and including) the last '/'. An id without '/' is all
      // run id: its category is empty (docs: sarif-support-for-code-scanning#runautomationdetails-object).
      const category = autoId.includes('/') ? autoId.slice(0, autoId.lastIndexOf('/') + 1) : '';
      const key = `${tool}\u0000${category}`;
      // Since 2025-07-22 this is refused when processed, not when received.
      if (seen.has(key))
        errors.push(
          `A delivery cannot contain multiple runs with the same category (tool "${tool}", category "${category}").`,
        );
      seen.add(key);
      runKeys.push({ tool, category });
      const rules =
        isRecord(run) && isRecord(run['tool']) && isRecord(run['tool']['driver'])
          ? run['tool']['driver']['rules']
          : undefined;
      if (Array.isArray(rules) && rules.length > 25_000)
        errors.push(
          `rejecting SARIF, as there are more rules per run than allowed (${rules.length} > 25000)`,
        );
      const results = isRecord(run) ? run['results'] : undefined;
      if (Array.isArray(results) && results.length > 25_000)
        errors.push(
          `rejecting SARIF, as there are more results per run than allowed (${results.length} > 25000)`,
        );
      errors.push(...hardLimitErrors(rules, results));
    }
    const checkoutUri = strField(payload, 'checkout_uri');
    errors.push(...locationErrors(log as unknown as SarifLog, checkoutUri));
    errors.push(...(options.processingErrors?.(log as unknown as SarifLog) ?? []));
    const unresolvedUris = checkoutDir
      ? unresolvedResultUris(log as unknown as SarifLog, checkoutDir, checkoutUri)
      : [];
    const id = randomUUID();
    sarifUploads.push({
      id,
      owner,
      repo,
      commitSha,
      ref,
      checkoutUri: strField(payload, 'checkout_uri'),
      toolName: strField(payload, 'tool_name'),
      startedAt: strField(payload, 'started_at'),
      gzipSize: gz.length,
      sarif: log as unknown as SarifLog,
      receivedAt: ghTime(),
      polls: 0,
      processingStatus: errors.length ? 'failed' : 'complete',
      errors,
      unresolvedUris,
    });
    if (errors.length === 0) fileAnalyses(ref, commitSha, id, log as unknown as SarifLog, runKeys);
    return {
      status: 202,
      body: { id, url: `${apiUrl}/repos/${owner}/${repo}/code-scanning/sarifs/${id}` },
    };
  };

  const pullJson = (pr: StoredPullRequest): Record<string, unknown> => {
    const headOwner = pr.fork ? `${pr.owner}-fork` : pr.owner;
    const repoJson = (owner: string): Record<string, unknown> => ({
      id: repositoryId(owner, pr.repo),
      name: pr.repo,
      full_name: `${owner}/${pr.repo}`,
      owner: { login: owner, type: 'User' },
      fork: owner !== pr.owner,
      html_url: `${serverUrl}/${owner}/${pr.repo}`,
    });
    return {
      number: pr.number,
      state: 'open',
      title: pr.title,
      html_url: `${serverUrl}/${pr.owner}/${pr.repo}/pull/${pr.number}`,
      head: {
        ref: pr.headRef,
        sha: pr.headSha,
        label: `${headOwner}:${pr.headRef}`,
        repo: repoJson(headOwner),
      },
      base: {
        ref: pr.baseRef,
        sha: pr.baseSha,
        label: `${pr.owner}:${pr.baseRef}`,
        repo: repoJson(pr.owner),
      },
      changed_files: pr.files.length,
    };
  };

  const handleRest = (
    method: string,
    restPath: string,
    url: URL,
    headers: IncomingHttpHeaders,
    body: Buffer,
  ): RestResult => {
    const auth = headers.authorization ?? '';
    const m = /^(?:token|bearer)\s+(\S+)$/i.exec(auth);
    if (!m) throw restError(401, 'Requires authentication');
    if (acceptedTokens && !acceptedTokens.has(m[1] ?? '')) throw restError(401, 'Bad credentials');

    let segs = restPath
      .split('/')
      .filter((s) => s !== '')
      .map(decodeURIComponent);
    if (segs[0] === 'repositories' && segs[1] !== undefined) {
      const id = Number(segs[1]);
      const entry = [...repoIds.values()].find((r) => r.id === id);
      if (!entry) throw restError(404, 'Not Found');
      segs = ['repos', entry.owner, entry.repo, ...segs.slice(2)];
    }
    const identity = tokenUsers.get(m[1] ?? '') ?? botUser;
    // A fork PR's token reads, and nothing more, whatever the workflow's `permissions:` say.
    if (
      readOnlyTokens.has(m[1] ?? '') &&
      method !== 'GET' &&
      method !== 'HEAD' &&
      /^(repos\/[^/]+\/[^/]+\/(issues\/|code-scanning\/sarifs)|repositories\/\d+\/(issues\/|code-scanning\/sarifs))/.test(
        restPath.replace(/^\/+/, ''),
      )
    )
      throw restError(403, 'Resource not accessible by integration');
    if (segs.length === 1 && segs[0] === 'user' && method === 'GET') {
      // Installation tokens (GITHUB_TOKEN, App tokens) cannot read /user.
      if (identity.type === 'Bot') throw restError(403, 'Resource not accessible by integration');
      return { status: 200, body: { login: identity.login, id: identity.id, type: identity.type } };
    }
    if (segs.length === 1 && segs[0] === 'app' && method === 'GET') {
      // GET /app authenticates the App itself, with its JWT; no installation or user token works.
      throw restError(
        401,
        "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
      );
    }
    if (segs.length === 1 && segs[0] === 'graphql' && method === 'POST') {
      const query = strField(parseJsonBody(body), 'query') ?? '';
      if (/\bviewer\s*\{\s*login\s*\}/.test(query))
        return { status: 200, body: { data: { viewer: { login: identity.login } } } };
      return {
        status: 200,
        body: { errors: [{ message: 'unsupported query in the test server' }] },
      };
    }
    if (segs[0] !== 'repos' || segs.length < 4) throw restError(404, 'Not Found');
    const owner = segs[1] ?? '';
    const repo = segs[2] ?? '';
    const rest = segs.slice(3);
    const route = rest.join('/');
    repositoryId(owner, repo);

    // /issues/comments/{id}
    let mm = /^issues\/comments\/(\d+)$/.exec(route);
    if (mm) {
      const id = Number(mm[1]);
      const idx = comments.findIndex(
        (c) => c.id === id && repoKey(c.owner, c.repo) === repoKey(owner, repo),
      );
      const comment = comments[idx];
      if (!comment)
        throw restError(404, 'Not Found', {}, 'https://docs.github.com/rest/issues/comments');
      if (method === 'GET') return { status: 200, body: commentJson(comment) };
      if (method === 'PATCH') {
        const text = checkCommentBody(
          parseJsonBody(body),
          'https://docs.github.com/rest/issues/comments#update-an-issue-comment',
        );
        comment.body = text;
        comment.updated_at = ghTime();
        return { status: 200, body: commentJson(comment) };
      }
      if (method === 'DELETE') {
        comments.splice(idx, 1);
        return { status: 204 };
      }
      throw restError(404, 'Not Found');
    }

    // /issues/{n}/comments
    mm = /^issues\/(\d+)\/comments$/.exec(route);
    if (mm) {
      const issueNumber = Number(mm[1]);
      if (method === 'GET') {
        const since = url.searchParams.get('since');
        const sinceMs = since ? Date.parse(since) : NaN;
        const list = commentsOn(owner, repo, issueNumber).filter(
          (c) => Number.isNaN(sinceMs) || Date.parse(c.updated_at) >= sinceMs,
        );
        const page = paginate(list, url, `${linkBase(owner, repo)}/issues/${issueNumber}/comments`);
        return {
          status: 200,
          body: page.items.map(commentJson),
          headers: page.link ? { link: page.link } : {},
        };
      }
      if (method === 'POST') {
        const exists =
          pullRequests.some(
            (pr) =>
              repoKey(pr.owner, pr.repo) === repoKey(owner, repo) && pr.number === issueNumber,
          ) || commentsOn(owner, repo, issueNumber).length > 0;
        if (options.knownIssuesOnly !== false && !exists)
          throw restError(
            404,
            'Not Found',
            {},
            'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
          );
        const text = checkCommentBody(
          parseJsonBody(body),
          'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
        );
        const comment = addComment({ owner, repo, issueNumber, body: text, user: identity });
        return { status: 201, body: commentJson(comment), headers: { location: comment.url } };
      }
      throw restError(404, 'Not Found');
    }

    // /code-scanning/sarifs[/{id}]
    if (route === 'code-scanning/sarifs' && method === 'POST')
      return handleSarifUpload(owner, repo, parseJsonBody(body));
    mm = /^code-scanning\/sarifs\/([^/]+)$/.exec(route);
    if (mm && method === 'GET') {
      const upload = sarifUploads.find(
        (u) => u.id === mm?.[1] && repoKey(u.owner, u.repo) === repoKey(owner, repo),
      );
      if (!upload)
        throw restError(
          404,
          'Not Found',
          {},
          'https://docs.github.com/rest/code-scanning/code-scanning#get-information-about-a-sarif-upload',
        );
      upload.polls++;
      if (upload.polls <= sarifPendingPolls)
        return { status: 200, body: { processing_status: 'pending', analyses_url: null } };
      if (upload.processingStatus === 'failed')
        return {
          status: 200,
          body: { processing_status: 'failed', analyses_url: null, errors: upload.errors },
        };
      return {
        status: 200,
        body: {
          processing_status: 'complete',
          analyses_url: `${apiUrl}/repos/${owner}/${repo}/code-scanning/analyses?sarif_id=${upload.id}`,
        },
      };
    }

    // /actions/runs/{id}
    mm = /^actions\/runs\/(\d+)$/.exec(route);
    if (mm && method === 'GET') {
      const run = workflowRuns.get(Number(mm[1]));
      if (!run)
        throw restError(404, 'Not Found', {}, 'https://docs.github.com/rest/actions/workflow-runs');
      const status = run.status ?? 'completed';
      return {
        status: 200,
        body: {
          id: run.id,
          head_branch: run.headBranch,
          head_sha: run.headSha,
          status,
          conclusion: status === 'completed' ? run.conclusion : null,
          url: `${apiUrl}/repos/${owner}/${repo}/actions/runs/${run.id}`,
          html_url: `${serverUrl}/${owner}/${repo}/actions/runs/${run.id}`,
        },
      };
    }

    // /actions/artifacts[?name=] — newest first, like GitHub
    const isExpired = (a: ArtifactInternal): boolean =>
      a.expiresAt !== undefined && Date.parse(a.expiresAt) <= Date.now();
    const artifactJson = (a: ArtifactInternal): Record<string, unknown> => {
      const run = a.runId === undefined ? undefined : workflowRuns.get(a.runId);
      return {
        id: a.id,
        node_id: `MDg6QXJ0aWZhY3Q${a.id}`,
        name: a.name,
        size_in_bytes: a.size ?? a.blob?.length ?? 0,
        url: `${apiUrl}/repos/${owner}/${repo}/actions/artifacts/${a.id}`,
        archive_download_url: `${apiUrl}/repos/${owner}/${repo}/actions/artifacts/${a.id}/zip`,
        expired: isExpired(a),
        digest: a.hash ?? null,
        created_at: a.createdAt.replace(/\.\d+Z$/, 'Z'),
        updated_at: a.createdAt.replace(/\.\d+Z$/, 'Z'),
        expires_at: a.expiresAt ?? null,
        workflow_run:
          a.runId === undefined
            ? null
            : {
                id: a.runId,
                repository_id: repositoryId(owner, repo),
                head_repository_id: repositoryId(owner, repo),
                head_branch: run?.headBranch ?? null,
                head_sha: run?.headSha ?? null,
              },
      };
    };
    if (route === 'actions/artifacts' && method === 'GET') {
      const name = url.searchParams.get('name');
      const listed = artifacts
        .filter((a) => a.finalized && (name === null || a.name === name))
        .sort((a, b) => b.id - a.id);
      const page = paginate(
        listed,
        url,
        `${linkBase(owner, repo)}/actions/artifacts`,
        Number.POSITIVE_INFINITY,
      );
      return {
        status: 200,
        body: { total_count: listed.length, artifacts: page.items.map(artifactJson) },
        headers: page.link ? { link: page.link } : {},
      };
    }
    // /actions/artifacts/{id}/zip → 302 to a short-lived signed blob URL; expired → 410
    mm = /^actions\/artifacts\/(\d+)\/([^/]+)$/.exec(route);
    if (mm && method === 'GET') {
      const a = artifacts.find((x) => x.finalized && x.id === Number(mm?.[1]));
      if (!a || mm[2] !== 'zip')
        throw restError(404, 'Not Found', {}, 'https://docs.github.com/rest/actions/artifacts');
      if (isExpired(a)) throw restError(410, 'Artifact has expired');
      const sig = randomBytes(24).toString('base64url');
      a.readSigs.add(sig);
      const q = new URLSearchParams({
        sig,
        se: ghTime(new Date(Date.now() + 60_000)),
        sp: 'r',
        spr: 'https',
        sr: 'b',
        sv: '2024-11-04',
      });
      return { status: 302, headers: { location: `${origin}${a.blobPath}?${q.toString()}` } };
    }

    // /pulls/{n}[/files]
    mm = /^pulls\/(\d+)(\/files)?$/.exec(route);
    if (mm && method === 'GET') {
      const pr = findPull(owner, repo, Number(mm[1]));
      if (!pr) throw restError(404, 'Not Found', {}, 'https://docs.github.com/rest/pulls/pulls');
      if (!mm[2]) return { status: 200, body: pullJson(pr) };
      // GitHub lists at most 3000 files for a pull request.
      const page = paginate(
        pr.files,
        url,
        `${linkBase(owner, repo)}/pulls/${pr.number}/files`,
        3000,
      );
      return { status: 200, body: page.items, headers: page.link ? { link: page.link } : {} };
    }

    throw restError(404, 'Not Found');
  };

  // ---- Twirp artifact service ----------------------------------------------------------------

  const backendIdsFromAuth = (
    headers: IncomingHttpHeaders,
  ): { run: string; job: string } | undefined => {
    const m = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
    if (!m?.[1]) throw twirpError('unauthenticated', 'missing bearer token');
    const claims = decodeJwtPayload(m[1]);
    if (!claims) throw twirpError('unauthenticated', 'malformed runtime token');
    const scp = typeof claims['scp'] === 'string' ? claims['scp'] : '';
    for (const scope of scp.split(' ')) {
      const parts = scope.split(':');
      if (parts[0] === 'Actions.Results' && parts.length === 3)
        return { run: parts[1] ?? '', job: parts[2] ?? '' };
    }
    return undefined;
  };

  const uploadRunIdFromAuth = (headers: IncomingHttpHeaders): number | undefined => {
    const m = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
    const claims = m?.[1] ? decodeJwtPayload(m[1]) : undefined;
    const scp = typeof claims?.['scp'] === 'string' ? claims['scp'] : '';
    const scope = /(?:^| )Actions\.UploadArtifacts:(\d+):\d+(?: |$)/.exec(scp);
    return scope?.[1] ? Number(scope[1]) : undefined;
  };

  const handleTwirp = (method: string, headers: IncomingHttpHeaders, body: Buffer): unknown => {
    const ids = backendIdsFromAuth(headers);
    const req = twirpBody(body);
    const run = strField(req, 'workflow_run_backend_id') ?? '';
    const job = strField(req, 'workflow_job_run_backend_id') ?? '';
    if (!run || !job)
      throw twirpError(
        'invalid_argument',
        'workflow_run_backend_id and workflow_job_run_backend_id are required',
      );
    // Reads name the artifact's own backend ids (the uploading job's, as @actions/artifact's
    // download sends them): any job of the same run may read; writes need the token's own job.
    const readOnly = method === 'ListArtifacts' || method === 'GetSignedArtifactURL';
    if (verifyRuntimeToken && (!ids || ids.run !== run || (!readOnly && ids.job !== job))) {
      throw twirpError(
        'permission_denied',
        'backend ids do not match the runtime token Actions.Results scope',
      );
    }
    const name = strField(req, 'name') ?? '';
    const inRun = (a: ArtifactInternal): boolean => a.workflowRunBackendId === run;

    switch (method) {
      case 'CreateArtifact': {
        if (!name) throw twirpError('invalid_argument', 'name is required');
        if (artifacts.some((a) => inRun(a) && a.name === name)) {
          throw twirpError(
            'already_exists',
            'an artifact with this name already exists on the workflow run',
          );
        }
        const created = new Date();
        const expiresAt = strField(req, 'expires_at');
        const expiresMs = expiresAt ? Date.parse(expiresAt) : NaN;
        if (expiresAt && Number.isNaN(expiresMs))
          throw twirpError('invalid_argument', 'expires_at is not a valid timestamp');
        const uploadSig = randomBytes(24).toString('base64url');
        const blobPath = `${BLOB_PREFIX}${run}/workflow-job-run-${job}/artifacts/${createHash('sha256').update(`${run}/${name}`).digest('hex')}.zip`;
        const se = ghTime(new Date(created.getTime() + 6 * 3600_000));
        const q = new URLSearchParams({
          sig: uploadSig,
          se,
          sp: 'cw',
          spr: 'https',
          sr: 'b',
          st: ghTime(created),
          sv: '2024-11-04',
        });
        const artifact: ArtifactInternal = {
          id: 0,
          runId: uploadRunIdFromAuth(headers),
          name,
          workflowRunBackendId: run,
          workflowJobRunBackendId: job,
          mimeType: wrappedString(req['mime_type']),
          version: typeof req['version'] === 'number' ? req['version'] : 0,
          createdAt: created.toISOString(),
          expiresAt,
          retentionDays: Number.isNaN(expiresMs)
            ? undefined
            : Math.round((expiresMs - created.getTime()) / 86_400_000),
          signedUploadUrl: `${origin}${blobPath}?${q.toString()}`,
          finalized: false,
          size: undefined,
          hash: undefined,
          blob: undefined,
          blockCount: 0,
          uploadSig,
          readSigs: new Set(),
          blobPath,
          blocks: new Map(),
          zipEntries(): ZipEntry[] {
            if (!this.blob) throw new Error(`artifact ${this.name} has no committed blob`);
            return readZip(this.blob);
          },
          files(): Map<string, Buffer> {
            return new Map(
              this.zipEntries()
                .filter((e) => !e.isDirectory)
                .map((e) => [e.name, e.data]),
            );
          },
        };
        artifacts.push(artifact);
        return { ok: true, signed_upload_url: artifact.signedUploadUrl };
      }
      case 'FinalizeArtifact': {
        const a = artifacts.find((x) => inRun(x) && x.name === name);
        if (!a) throw twirpError('not_found', 'artifact not found');
        if (a.finalized) throw twirpError('failed_precondition', 'artifact is already finalized');
        if (!a.blob)
          throw twirpError('failed_precondition', 'artifact blob has not been committed');
        const size = req['size'];
        a.size = typeof size === 'string' || typeof size === 'number' ? Number(size) : undefined;
        a.hash = wrappedString(req['hash']);
        a.id = nextArtifactId++;
        a.finalized = true;
        return { ok: true, artifact_id: String(a.id) };
      }
      case 'ListArtifacts': {
        const nameFilter = wrappedString(req['name_filter']);
        // Int64Value wrapper: JSON is the bare value (a string for int64) or `{value}`.
        const idFilterRaw = req['id_filter'];
        const idValue = isRecord(idFilterRaw) ? idFilterRaw['value'] : idFilterRaw;
        const idFilter =
          typeof idValue === 'string' || typeof idValue === 'number' ? String(idValue) : undefined;
        const list = artifacts.filter(
          (a) =>
            a.finalized &&
            inRun(a) &&
            (nameFilter === undefined || a.name === nameFilter) &&
            (idFilter === undefined || String(a.id) === idFilter),
        );
        return {
          artifacts: list.map((a) => ({
            workflow_run_backend_id: a.workflowRunBackendId,
            workflow_job_run_backend_id: a.workflowJobRunBackendId,
            database_id: String(a.id),
            name: a.name,
            size: String(a.size ?? a.blob?.length ?? 0),
            created_at: a.createdAt,
            ...(a.hash ? { digest: a.hash } : {}),
          })),
        };
      }
      case 'GetSignedArtifactURL': {
        const a = artifacts.find((x) => x.finalized && inRun(x) && x.name === name);
        if (!a) throw twirpError('not_found', 'artifact not found');
        const sig = randomBytes(24).toString('base64url');
        a.readSigs.add(sig);
        const q = new URLSearchParams({
          sig,
          se: ghTime(new Date(Date.now() + 3600_000)),
          sp: 'r',
          spr: 'https',
          sr: 'b',
          sv: '2024-11-04',
        });
        return { signed_url: `${origin}${a.blobPath}?${q.toString()}` };
      }
      case 'DeleteArtifact': {
        const idx = artifacts.findIndex((x) => x.finalized && inRun(x) && x.name === name);
        const a = artifacts[idx];
        if (!a) throw twirpError('not_found', 'artifact not found');
        artifacts.splice(idx, 1);
        return { ok: true, artifact_id: String(a.id) };
      }
      default:
        throw new HttpError(404, {
          code: 'bad_route',
          msg: `no handler for path "/twirp/${ARTIFACT_SERVICE}/${method}"`,
        });
    }
  };

  // ---- Twirp cache service (v2) ---------------------------------------------------------------

  /**
   * Entries are immutable per (key, version); a restore matches the key exactly, else the newest
   * entry whose key starts with a restore key, in the order given — as GitHub documents.
   */
  const handleCacheTwirp = (
    method: string,
    headers: IncomingHttpHeaders,
    body: Buffer,
  ): unknown => {
    if (verifyRuntimeToken && !backendIdsFromAuth(headers))
      throw twirpError('unauthenticated', 'the runtime token has no Actions.Results scope');
    const req = twirpBody(body);
    const key = strField(req, 'key') ?? '';
    const version = strField(req, 'version') ?? '';
    if (!key || !version) throw twirpError('invalid_argument', 'key and version are required');
    const signed = (entry: { id: number; sig: string }, sp: string): string =>
      `${origin}${CACHE_BLOB_PREFIX}${entry.id}?${new URLSearchParams({ sig: entry.sig, sp, sv: '2024-11-04' }).toString()}`;
    switch (method) {
      case 'CreateCacheEntry': {
        if (caches.some((c) => c.key === key && c.version === version))
          throw twirpError(
            'already_exists',
            'cache entry with the same key, version, and scope already exists',
          );
        const entry = {
          id: nextCacheId++,
          key,
          version,
          createdAt: Date.now(),
          finalized: false,
          sizeBytes: undefined,
          blob: undefined,
          restores: 0,
          sig: randomBytes(24).toString('base64url'),
          blocks: new Map<string, Buffer>(),
        };
        caches.push(entry);
        return { ok: true, signed_upload_url: signed(entry, 'cw') };
      }
      case 'FinalizeCacheEntryUpload': {
        const entry = caches.find((c) => c.key === key && c.version === version && !c.finalized);
        if (!entry) throw twirpError('not_found', 'cache entry not found');
        if (!entry.blob)
          throw twirpError('failed_precondition', 'cache blob has not been uploaded');
        entry.finalized = true;
        entry.sizeBytes = Number(req['size_bytes'] ?? entry.blob.length);
        return { ok: true, entry_id: String(entry.id) };
      }
      case 'GetCacheEntryDownloadURL': {
        const restoreKeys = Array.isArray(req['restore_keys'])
          ? req['restore_keys'].filter((k): k is string => typeof k === 'string')
          : [];
        const usable = caches.filter((c) => c.finalized && c.version === version);
        const newest = (list: typeof usable) =>
          list.sort((a, b) => b.createdAt - a.createdAt || b.id - a.id)[0];
        const match =
          usable.find((c) => c.key === key) ??
          restoreKeys
            .map((prefix) => newest(usable.filter((c) => c.key.startsWith(prefix))))
            .find(Boolean);
        if (!match) return { ok: false, signed_download_url: '', matched_key: '' };
        match.restores++;
        return { ok: true, signed_download_url: signed(match, 'r'), matched_key: match.key };
      }
      default:
        throw new HttpError(404, {
          code: 'bad_route',
          msg: `no handler for path "/twirp/${CACHE_SERVICE}/${method}"`,
        });
    }
  };

  const handleCacheBlob = (
    method: string,
    path: string,
    url: URL,
    body: Buffer,
  ): { status: number; body?: Buffer; headers: Record<string, string> } => {
    const entry = caches.find((c) => `${CACHE_BLOB_PREFIX}${c.id}` === path);
    if (!entry || url.searchParams.get('sig') !== entry.sig)
      throw blobError(403, 'AuthenticationFailed', 'Signature did not match.');
    const headers = { 'x-ms-request-id': randomUUID(), 'x-ms-version': '2024-11-04' };
    if (method === 'GET' || method === 'HEAD') {
      if (!entry.finalized || !entry.blob)
        throw blobError(404, 'BlobNotFound', 'The specified blob does not exist.');
      return {
        status: 200,
        body: method === 'GET' ? entry.blob : undefined,
        headers: {
          ...headers,
          'content-type': 'application/octet-stream',
          'content-length': String(entry.blob.length),
        },
      };
    }
    if (method !== 'PUT') throw blobError(405, 'UnsupportedHttpVerb', 'Unsupported verb.');
    if (entry.finalized)
      throw blobError(409, 'BlobImmutable', 'The cache entry has been finalized.');
    const comp = url.searchParams.get('comp');
    if (comp === 'block') {
      entry.blocks.set(url.searchParams.get('blockid') ?? '', Buffer.from(body));
      return { status: 201, headers };
    }
    if (comp === 'blocklist') {
      const ids = [
        ...body.toString('utf8').matchAll(/<(Latest|Uncommitted|Committed)>([^<]*)<\/\1>/g),
      ].map((mt) => mt[2] ?? '');
      const parts = ids.map((id) => entry.blocks.get(id));
      if (parts.some((part) => !part))
        throw blobError(400, 'InvalidBlockList', 'The specified block list is invalid.');
      entry.blob = Buffer.concat(parts as Buffer[]);
      entry.blocks.clear();
      return { status: 201, headers };
    }
    entry.blob = Buffer.from(body);
    return { status: 201, headers };
  };

  // ---- Blob storage (Azure Block Blob subset) ------------------------------------------------

  const handleBlob = (
    method: string,
    path: string,
    url: URL,
    body: Buffer,
  ): { status: number; body?: Buffer; headers: Record<string, string> } => {
    const a = artifacts.find((x) => x.blobPath === path);
    if (!a) throw blobError(404, 'BlobNotFound', 'The specified blob does not exist.');
    const sig = url.searchParams.get('sig') ?? '';
    const baseHeaders = (): Record<string, string> => ({
      etag: `"0x${randomBytes(8).toString('hex').toUpperCase()}"`,
      'last-modified': new Date().toUTCString(),
      'x-ms-request-id': randomUUID(),
      'x-ms-version': '2024-11-04',
      'x-ms-request-server-encrypted': 'true',
    });
    if (method === 'GET' || method === 'HEAD') {
      if (!a.readSigs.has(sig) && sig !== a.uploadSig)
        throw blobError(403, 'AuthenticationFailed', 'Signature did not match.');
      if (!a.blob) throw blobError(404, 'BlobNotFound', 'The specified blob does not exist.');
      return {
        status: 200,
        body: method === 'GET' ? a.blob : undefined,
        headers: {
          ...baseHeaders(),
          'content-type': a.mimeType ?? 'application/octet-stream',
          'content-length': String(a.blob.length),
        },
      };
    }
    if (method !== 'PUT')
      throw blobError(
        405,
        'UnsupportedHttpVerb',
        'The resource does not support the specified HTTP verb.',
      );
    if (sig !== a.uploadSig)
      throw blobError(403, 'AuthenticationFailed', 'Signature did not match.');
    if (a.finalized) throw blobError(409, 'BlobImmutable', 'The artifact has been finalized.');
    const comp = url.searchParams.get('comp');
    if (comp === 'block') {
      const blockId = url.searchParams.get('blockid');
      if (!blockId) throw blobError(400, 'InvalidQueryParameterValue', 'blockid is required.');
      a.blocks.set(blockId, Buffer.from(body));
      return {
        status: 201,
        headers: {
          ...baseHeaders(),
          'content-md5': createHash('md5').update(body).digest('base64'),
        },
      };
    }
    if (comp === 'blocklist') {
      const xml = body.toString('utf8');
      const ids = [...xml.matchAll(/<(Latest|Uncommitted|Committed)>([^<]*)<\/\1>/g)].map(
        (mt) => mt[2] ?? '',
      );
      const parts: Buffer[] = [];
      for (const id of ids) {
        const block = a.blocks.get(id);
        if (!block)
          throw blobError(400, 'InvalidBlockList', 'The specified block list is invalid.');
        parts.push(block);
      }
      a.blob = Buffer.concat(parts);
      a.blockCount = ids.length;
      a.blocks.clear();
      return { status: 201, headers: baseHeaders() };
    }
    if (comp === null) {
      a.blob = Buffer.from(body);
      a.blockCount = 0;
      return { status: 201, headers: baseHeaders() };
    }
    throw blobError(400, 'InvalidQueryParameterValue', `Unsupported comp=${comp}.`);
  };

  // ---- dispatcher ----------------------------------------------------------------------------

  /** Answers to cut off half-way through the body, then drop the connection. */
  const cutOff = new WeakSet<ServerResponse>();

  const send = (
    res: ServerResponse,
    rec: RecordedRequest,
    status: number,
    payload: unknown,
    headers: Record<string, string>,
  ): void => {
    rec.status = status;
    let out: Buffer | undefined;
    const h: Record<string, string> = { ...headers };
    if (payload === undefined || status === 204 || status === 304) out = undefined;
    else if (Buffer.isBuffer(payload)) out = payload;
    else if (typeof payload === 'string') {
      out = Buffer.from(payload);
      h['content-type'] ??= 'text/plain; charset=utf-8';
    } else {
      out = Buffer.from(JSON.stringify(payload));
      h['content-type'] ??= 'application/json; charset=utf-8';
    }
    if (out) h['content-length'] ??= String(out.length);
    res.writeHead(status, h);
    if (cutOff.has(res)) {
      // The head and half the body reach the client; then the connection is gone.
      res.write(out?.subarray(0, Math.floor(out.length / 2)) ?? Buffer.alloc(0), () =>
        res.socket?.destroy(),
      );
      return;
    }
    res.end(out);
  };

  const restHeaders = (): Record<string, string> => ({
    'x-github-request-id': randomBytes(8).toString('hex').toUpperCase(),
    'x-github-media-type': 'github.v3; format=json',
    'x-github-api-version-selected': '2022-11-28',
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
    'x-ratelimit-used': '1',
    'x-ratelimit-resource': 'core',
  });

  const classify = (path: string): ServiceKind => {
    if (path.startsWith('/twirp/')) return 'twirp';
    if (path.startsWith(BLOB_PREFIX) || path.startsWith(CACHE_BLOB_PREFIX)) return 'blob';
    if (path === apiPathPrefix || path.startsWith(`${apiPathPrefix}/`)) return 'rest';
    return 'other';
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', origin);
    const path = url.pathname;
    const service = classify(path);
    const rec: RecordedRequest = {
      seq: ++seq,
      time: Date.now(),
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      headers: { ...req.headers },
      bodySize: 0,
      body: Buffer.alloc(0),
      status: 0,
      faulted: false,
      service,
    };
    requests.push(rec);
    const { body, tooLarge } = await readBody(req, maxBodyBytes);
    rec.body = body;
    rec.bodySize = tooLarge ? Number(req.headers['content-length'] ?? body.length) : body.length;

    // Injected faults come first, like an upstream proxy / GitHub front end would answer.
    const fault = faults.find((f) => {
      f.rule.path.lastIndex = 0;
      return (
        f.remaining > 0 &&
        (!f.rule.method || f.rule.method.toUpperCase() === method) &&
        f.rule.path.test(path)
      );
    });
    if (fault?.rule.network === 'reset') {
      fault.remaining--;
      fault.hits++;
      rec.faulted = true;
      req.socket.destroy();
      return;
    }
    if (fault?.rule.network === 'stall') {
      fault.remaining--;
      fault.hits++;
      rec.faulted = true;
      return;
    }
    if (fault?.rule.network === 'reset-mid-response') {
      fault.remaining--;
      fault.hits++;
      rec.faulted = true;
      cutOff.add(res);
    } else if (fault) {
      fault.remaining--;
      if (fault.rule.afterHandling && service === 'rest') {
        try {
          handleRest(method, path.slice(apiPathPrefix.length) || '/', url, req.headers, body);
        } catch {
          /* the answer is lost either way */
        }
      }
      fault.hits++;
      rec.faulted = true;
      const base = service === 'rest' ? restHeaders() : {};
      const status = fault.rule.status ?? 500;
      // GitHub's front end answers a 502/504 with its HTML "Unicorn!" page, not JSON.
      const html = fault.rule.body === undefined && (status === 502 || status === 504);
      const payload = html
        ? unicornPage(status)
        : (fault.rule.body ?? { message: STATUS_CODES[status] ?? 'Error' });
      send(res, rec, status, payload, {
        ...base,
        ...(html ? { 'content-type': 'text/html; charset=utf-8' } : {}),
        ...lowerKeys(fault.rule.headers ?? {}),
      });
      return;
    }

    try {
      if (tooLarge) throw restError(413, 'Payload Too Large');
      if (service === 'twirp') {
        const m = /^\/twirp\/([^/]+)\/([^/]+)$/.exec(path);
        if (method === 'POST' && m?.[1] === CACHE_SERVICE) {
          send(res, rec, 200, handleCacheTwirp(m[2] ?? '', req.headers, body), {});
          return;
        }
        if (method !== 'POST' || !m || m[1] !== ARTIFACT_SERVICE) {
          throw new HttpError(404, { code: 'bad_route', msg: `no handler for path "${path}"` });
        }
        send(res, rec, 200, handleTwirp(m[2] ?? '', req.headers, body), {});
      } else if (service === 'blob' && path.startsWith(CACHE_BLOB_PREFIX)) {
        const out = handleCacheBlob(method, path, url, body);
        send(res, rec, out.status, out.body ?? Buffer.alloc(0), out.headers);
      } else if (service === 'blob') {
        const out = handleBlob(method, path, url, body);
        send(res, rec, out.status, out.body ?? Buffer.alloc(0), out.headers);
      } else if (service === 'rest') {
        const result = handleRest(
          method,
          path.slice(apiPathPrefix.length) || '/',
          url,
          req.headers,
          body,
        );
        send(res, rec, result.status, result.body, { ...restHeaders(), ...(result.headers ?? {}) });
      } else {
        throw restError(404, 'Not Found');
      }
    } catch (err) {
      if (err instanceof HttpError) {
        send(res, rec, err.status, err.payload, {
          ...(service === 'rest' ? restHeaders() : {}),
          ...err.headers,
        });
      } else {
        const message = err instanceof Error ? err.message : String(err);
        send(
          res,
          rec,
          500,
          service === 'twirp' ? { code: 'internal', msg: message } : { message },
          {},
        );
      }
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(err instanceof Error ? err.message : String(err));
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  apiUrl = `${origin}${apiPathPrefix}`;

  for (const pr of options.pullRequests ?? []) addPullRequest(pr);
  for (const c of options.comments ?? []) addComment(c);

  const api: GitHubServer = {
    url: origin,
    apiUrl,
    resultsUrl: `${origin}/`,
    serverUrl,
    requests,
    comments,
    sarifUploads,
    artifacts,
    pullRequests,
    analyses,
    alerts,
    caches,
    setCheckout(dir: string | undefined) {
      checkoutDir = dir;
    },
    injectFault(rule: FaultRule): FaultHandle {
      const state: FaultState = { rule, remaining: rule.times ?? 1, hits: 0 };
      faults.push(state);
      return {
        rule,
        get hits() {
          return state.hits;
        },
        get remaining() {
          return state.remaining;
        },
        remove() {
          faults = faults.filter((f) => f !== state);
        },
      };
    },
    clearFaults() {
      faults = [];
    },
    addComment,
    seedComments(target, count, body = (i) => `Unrelated comment #${i + 1}`) {
      return Array.from({ length: count }, (_, i) =>
        addComment({
          ...target,
          body: body(i),
          user: { login: `user${i % 7}`, id: 5000 + (i % 7), type: 'User' },
        }),
      );
    },
    commentsOn,
    addPullRequest,
    addWorkflowRun(seed: WorkflowRunSeed) {
      workflowRuns.set(seed.id, { ...seed });
    },
    repositoryId,
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
  };
  return api;
}

/**
 * GitHub's hard limits inside a run (docs: sarif-support-for-code-scanning, "Validating your SARIF
 * file"): more than 1,000 locations per result, 20 tags per rule or 10,000 thread-flow locations per
 * result, and the whole upload is rejected when processed.
 */
function hardLimitErrors(rules: unknown, results: unknown): string[] {
  const errors = new Set<string>();
  const over = (what: string, count: number, limit: number): void => {
    if (count > limit)
      errors.add(`rejecting SARIF, as there are more ${what} than allowed (${count} > ${limit})`);
  };
  for (const rule of Array.isArray(rules) ? (rules as unknown[]) : []) {
    const tags = isRecord(rule) && isRecord(rule['properties']) ? rule['properties']['tags'] : [];
    over('tags per rule', Array.isArray(tags) ? tags.length : 0, 20);
  }
  for (const result of Array.isArray(results) ? (results as unknown[]) : []) {
    if (!isRecord(result)) continue;
    const locations = result['locations'];
    over('locations per result', Array.isArray(locations) ? locations.length : 0, 1_000);
    let threadFlowLocations = 0;
    for (const flow of Array.isArray(result['codeFlows']) ? (result['codeFlows'] as unknown[]) : [])
      for (const thread of isRecord(flow) && Array.isArray(flow['threadFlows'])
        ? (flow['threadFlows'] as unknown[])
        : [])
        if (isRecord(thread) && Array.isArray(thread['locations']))
          threadFlowLocations += thread['locations'].length;
    over('thread flow locations per result', threadFlowLocations, 10_000);
  }
  return [...errors];
}

/** An HTML error page as GitHub's front end sends it for a 502/504 (a few kB, many lines). */
function unicornPage(status: number): string {
  return [
    '<!DOCTYPE html>',
    '<html>',
    '  <head>',
    '    <meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
    `    <title>${status === 504 ? 'Gateway Timeout' : 'Unicorn!'} &middot; GitHub</title>`,
    '    <style type="text/css" media="screen">',
    `      body { background-color: #f1f1f1; margin: 0; font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; }`,
    '    </style>',
    '  </head>',
    '  <body>',
    '    <div class="container">',
    '      <p><strong>No server is currently available to service your request.</strong></p>',
    '      <p>Sorry about that. Please try refreshing and contact us if the problem persists.</p>',
    '    </div>',
    '  </body>',
    '</html>',
  ].join('\n');
}

function lowerKeys(h: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}

/**
 * What makes code scanning fail a whole upload when it processes it: with a checkout URI (a source
 * root), an absolute location URI of another scheme (`SARIF URI scheme "haproxy" did not match the
 * checkout URI scheme "file"`, as users of image scanners see it; docs: "If there is a mismatch …
 * the upload is rejected"; github/codeql-action#754).
 */
function locationErrors(log: SarifLog, checkoutUri: string | undefined): string[] {
  const errors = new Set<string>();
  const checkoutScheme = checkoutUri ? /^([a-z][a-z0-9+.-]*):/i.exec(checkoutUri)?.[1] : undefined;
  for (const run of log.runs ?? []) {
    for (const result of run.results ?? []) {
      for (const location of [...(result.locations ?? []), ...(result.relatedLocations ?? [])]) {
        const uri = location.physicalLocation?.artifactLocation?.uri;
        const scheme = uri === undefined ? undefined : /^([a-z][a-z0-9+.-]*):/i.exec(uri)?.[1];
        if (checkoutScheme && scheme && scheme.toLowerCase() !== checkoutScheme.toLowerCase())
          errors.add(
            `SARIF URI scheme "${scheme}" did not match the checkout URI scheme "${checkoutScheme}",`,
          );
      }
    }
  }
  return [...errors];
}

/**
 * What code scanning cannot place: it reads a relative URI against the repository root and ignores
 * uriBaseId/originalUriBaseIds (github/codeql-action#2215, #2456); an absolute file URI is placed
 * only when it lies under the upload's checkout_uri.
 */
function unresolvedResultUris(
  log: SarifLog,
  checkoutDir: string,
  checkoutUri: string | undefined,
): string[] {
  const checkoutPrefix = checkoutUri ? checkoutUri.replace(/\/?$/, '/') : undefined;
  const missing = new Set<string>();
  for (const run of log.runs ?? []) {
    for (const result of run.results ?? []) {
      for (const location of [...(result.locations ?? []), ...(result.relatedLocations ?? [])]) {
        const uri = location.physicalLocation?.artifactLocation?.uri;
        if (uri === undefined) continue;
        let relative: string | undefined;
        if (checkoutPrefix && uri.startsWith(checkoutPrefix))
          relative = uri.slice(checkoutPrefix.length);
        else if (!/^[a-z][a-z0-9+.-]*:/i.test(uri) && !uri.startsWith('/')) relative = uri;
        let decoded: string | undefined;
        try {
          decoded = relative === undefined ? undefined : decodeURIComponent(relative);
        } catch {
          decoded = undefined;
        }
        const file = decoded === undefined ? undefined : resolvePath(checkoutDir, decoded);
        if (
          file === undefined ||
          !(file === checkoutDir || file.startsWith(checkoutDir + sep)) ||
          !existsSync(file)
        )
          missing.add(uri);
      }
    }
  }
  return [...missing].sort();
}
