import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Parse } from 'unzip-stream';
import type { Entry } from 'unzip-stream';
import { z } from 'zod';
import { errorMessage } from '../model/errors.ts';
import type { Logger } from '../model/ports.ts';
import { loadBaseline } from '../policy/baseline.ts';
import { httpStatus, rateLimitOf } from './client.ts';
import type { Octokit } from './client.ts';
import type { GitHubContext } from './context.ts';

/** The compliance artifact keeps the output directory's layout: report.json sits at its root. */
const REPORT_ENTRY = 'report.json';
/** Candidates whose run is checked before giving up: the newest successful one is usually first. */
const MAX_CANDIDATES = 10;
const PER_PAGE = 100;
/** Pages of artifacts read at most (500 artifacts): bounded, as the list API has no branch filter. */
const MAX_PAGES = 5;

const ArtifactListSchema = z.looseObject({
  artifacts: z.array(
    z.looseObject({
      id: z.number().int(),
      name: z.string(),
      expired: z.boolean(),
      created_at: z.string().nullish(),
      workflow_run: z
        .looseObject({ id: z.number().int(), head_branch: z.string().nullish() })
        .nullish(),
    }),
  ),
});
const RunSchema = z.looseObject({ conclusion: z.string().nullish() });

export interface AutoBaselineRequest {
  octokit: Octokit;
  context: GitHubContext;
  artifactName: string;
  logger: Logger;
}

async function readZipEntry(zip: Buffer, wanted: string): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    // The parser finishes once its input is read, which can be before the entry has been drained.
    let entryDone: Promise<Buffer> | undefined;
    const parser = Parse();
    parser.on('entry', (entry: Entry) => {
      if (entryDone || entry.type !== 'File' || entry.path.replace(/^\.?\//, '') !== wanted) {
        entry.autodrain();
        return;
      }
      entryDone = new Promise((done, fail) => {
        const chunks: Buffer[] = [];
        entry.on('data', (chunk: Buffer) => chunks.push(chunk));
        entry.on('end', () => done(Buffer.concat(chunks)));
        entry.on('error', fail);
      });
    });
    parser.on('error', reject);
    parser.on('finish', () => {
      if (entryDone) entryDone.then(resolve, reject);
      else resolve(undefined);
    });
    Readable.from([zip]).pipe(parser);
  });
}

/**
 * `baseline: auto`: the report.json of the newest unexpired compliance artifact made by a
 * successful run on the PR's base branch, written to a temp file. Undefined when there is none or
 * anything goes wrong — a missing baseline costs one log line, never the scan.
 */
export async function findBaselineReport(
  request: AutoBaselineRequest,
): Promise<string | undefined> {
  const { octokit, context, logger } = request;
  const baseRef = context.pullRequest?.baseRef;
  if (!baseRef) {
    logger.info('baseline auto: not a pull request event; running without a baseline');
    return undefined;
  }
  const where = { owner: context.owner, repo: context.repo };
  // A 403/404 from the REST API means the token lacks actions: read; from the download, it does not.
  let downloading = false;
  try {
    const candidates: z.infer<typeof ArtifactListSchema>['artifacts'] = [];
    // GitHub lists newest first, and every PR run uploads an artifact of the same name: the base
    // branch's may sit a few pages down in a busy repository.
    for (let page = 1; page <= MAX_PAGES && candidates.length < MAX_CANDIDATES; page++) {
      const listed = await octokit.request('GET /repos/{owner}/{repo}/actions/artifacts', {
        ...where,
        name: request.artifactName,
        per_page: PER_PAGE,
        page,
      });
      const { artifacts } = ArtifactListSchema.parse(listed.data);
      candidates.push(
        ...artifacts.filter(
          (a) =>
            !a.expired &&
            a.name === request.artifactName &&
            a.workflow_run?.head_branch === baseRef,
        ),
      );
      if (artifacts.length < PER_PAGE) break;
    }
    candidates.sort(
      (a, b) => Date.parse(b.created_at ?? '') - Date.parse(a.created_at ?? '') || b.id - a.id,
    );
    candidates.splice(MAX_CANDIDATES);
    for (const artifact of candidates) {
      const runId = artifact.workflow_run?.id;
      if (runId === undefined) continue;
      const run = await octokit.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}', {
        ...where,
        run_id: runId,
      });
      if (RunSchema.parse(run.data).conclusion !== 'success') continue;
      downloading = true;
      const download = await octokit.request(
        'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}',
        { ...where, artifact_id: artifact.id, archive_format: 'zip' },
      );
      const body = download.data;
      const zip =
        body instanceof ArrayBuffer
          ? Buffer.from(body)
          : Buffer.isBuffer(body)
            ? body
            : typeof body === 'string'
              ? Buffer.from(body, 'binary')
              : undefined;
      const report = zip ? await readZipEntry(zip, REPORT_ENTRY) : undefined;
      if (!report) {
        logger.warning(
          `baseline auto: artifact ${artifact.name} (id ${artifact.id}) of run ${runId} holds no ${REPORT_ENTRY}; running without a baseline`,
        );
        return undefined;
      }
      const dir = await mkdtemp(
        path.join(process.env.RUNNER_TEMP || tmpdir(), 'scanfold-baseline-'),
      );
      const file = path.join(dir, REPORT_ENTRY);
      await writeFile(file, report);
      try {
        // Checked here: a broken report in an artifact must not fail the scan as a bad input would.
        await loadBaseline(file);
      } catch (error) {
        logger.warning(
          `baseline auto: report.json of artifact ${artifact.name} (id ${artifact.id}) from run ${runId} is unusable: ${errorMessage(error)}; running without a baseline`,
        );
        await rm(dir, { recursive: true, force: true });
        return undefined;
      }
      logger.info(
        `baseline auto: using ${REPORT_ENTRY} of artifact ${artifact.name} (id ${artifact.id}) from run ${runId} on ${baseRef}`,
      );
      return file;
    }
    logger.info(
      `baseline auto: no unexpired ${request.artifactName} artifact from a successful run on ${baseRef}; running without a baseline`,
    );
    return undefined;
  } catch (error) {
    const status = httpStatus(error);
    const rateLimit = rateLimitOf(error);
    if (rateLimit)
      logger.warning(
        `baseline auto: GitHub's API is ${rateLimit} (${status ?? ''}: ${errorMessage(error)}); running without a baseline`,
      );
    else if (status === 401)
      // The publishing step reports a rejected token once, as the step's error.
      logger.info(
        `baseline auto: GitHub rejected the token (401: ${errorMessage(error)}); running without a baseline`,
      );
    else if (!downloading && (status === 403 || status === 404))
      logger.warning(
        `baseline auto: GitHub answered ${status} reading the artifacts of ${baseRef}; the job needs \`permissions: actions: read\`; running without a baseline`,
      );
    else
      logger.warning(
        `baseline auto: ${downloading ? 'downloading the base branch report: ' : ''}${errorMessage(error)}; running without a baseline`,
      );
    return undefined;
  }
}
