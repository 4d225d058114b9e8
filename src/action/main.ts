import path from 'node:path';
import os from 'node:os';
import * as core from '@actions/core';
import { DefaultArtifactClient } from '@actions/artifact';
import * as actionsCache from '@actions/cache';
import { resolveConfig } from '../config/load.ts';
import type { ScanConfig } from '../config/schema.ts';
import { EXIT, scan } from '../engine.ts';
import type { ScanOptions, ScanOutcome } from '../engine.ts';
import { ConfigurationError, errorMessage } from '../model/errors.ts';
import { systemClock } from '../model/ports.ts';
import type { Report } from '../model/scan-result.ts';
import { renderMarkdown } from '../outputs/markdown.ts';
import { loadManifest } from '../install/manifest.ts';
import { cacheSpecs, restoreCaches, saveCaches } from '../github/cache.ts';
import { findBaselineReport } from '../github/baseline.ts';
import { createGitHubClient } from '../github/client.ts';
import type { Octokit } from '../github/client.ts';
import { readContext, readGitHead, repoScope } from '../github/context.ts';
import type { GitHubContext } from '../github/context.ts';
import { ARTIFACT_TIMEOUT_MS, withDeadline } from '../github/deadline.ts';
import { matrixKey } from '../github/matrix.ts';
import { publish } from '../github/publish.ts';
import type { Analysis } from '../github/publish.ts';
import { aggregateShards, legName, uploadShardBundle } from '../github/shards.ts';
import { writeSummary } from '../github/summary.ts';
import { parseActionInputs } from './inputs.ts';
import type { ActionInputs } from './inputs.ts';
import { actionsLogger } from './logger.ts';

const logger = actionsLogger;

/** For the compliance report's header: where the scanned code came from (the engine reads no GitHub env). */
function provenance(context: GitHubContext): ScanOptions['provenance'] {
  const runUrl =
    context.owner && context.runId !== '0'
      ? `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${context.runId}`
      : undefined;
  return {
    ...(context.owner ? { repository: `${context.owner}/${context.repo}` } : {}),
    ...(context.ref ? { ref: context.ref } : {}),
    ...(context.sha ? { commit: context.sha } : {}),
    ...(runUrl ? { runUrl } : {}),
  };
}

function resolveActionConfig(inputs: ActionInputs, workspace: string): ScanConfig {
  return resolveConfig({
    root: path.resolve(workspace, inputs.path ?? '.'),
    configFile: inputs.config,
    overrides: {
      scanners: inputs.scanners,
      failOn: inputs['fail-on'],
      failOnScope: inputs['fail-on-scope'],
      baseline:
        inputs.baseline && inputs.baseline !== 'auto'
          ? path.resolve(workspace, inputs.baseline)
          : undefined,
      retries: inputs.retries,
      timeoutMinutes: inputs['timeout-minutes'],
      concurrency: inputs.concurrency,
      outputDir: inputs['output-dir'] ? path.resolve(workspace, inputs['output-dir']) : undefined,
      offline: inputs.offline,
      images: inputs.image,
    },
  });
}

function setReportOutputs(outcome: ScanOutcome): void {
  const { report } = outcome;
  core.setOutput('total', report.summary.total);
  for (const severity of ['critical', 'high', 'medium', 'low'] as const)
    core.setOutput(severity, report.summary.bySeverity[severity]);
  core.setOutput('report-json', outcome.files.report);
  core.setOutput('sarif', outcome.files.sarif);
  core.setOutput('sbom', outcome.files.sbom ?? '');
  core.setOutput('result', report.gate.result);
}

/** @github/local-action replaces @actions/cache with a stub that lacks isFeatureAvailable. */
function cacheServiceAvailable(): boolean {
  try {
    return actionsCache.isFeatureAvailable();
  } catch {
    return false;
  }
}

/**
 * The engine's scan between a restore and a save of the scanner and database caches. The cache
 * service is optional: unavailable, missing or broken, it costs only a log line.
 */
async function scanWithCaches(
  config: ScanConfig,
  inputs: ActionInputs,
  context: GitHubContext,
): Promise<ScanOutcome> {
  const options = { logger, clock: systemClock, provenance: provenance(context) };
  if (inputs.cache === false || !cacheServiceAvailable()) {
    if (inputs.cache !== false) logger.info('cache: no cache service in this environment');
    return scan(config, options);
  }
  const specs = cacheSpecs(config, loadManifest(), {
    platform: `${process.env.RUNNER_OS ?? process.platform}-${process.env.RUNNER_ARCH ?? os.arch()}`,
    date: new Date(),
  });
  const client = {
    restoreCache: (paths: string[], key: string, restoreKeys?: string[]) =>
      actionsCache.restoreCache(paths, key, restoreKeys),
    saveCache: (paths: string[], key: string) => actionsCache.saveCache(paths, key),
  };
  const states = await restoreCaches(client, specs, logger);
  const outcome = await scan(config, options);
  await saveCaches(client, states, logger);
  return outcome;
}

const failedScanners = (report: Report): string[] =>
  report.scanners
    .filter((s) => s.status === 'failed' || s.status === 'timed-out')
    .map((s) => s.name);

/**
 * The engine's exit rule (the CLI's exit code) as a failed step; scanner errors may be tolerated.
 * A token GitHub rejected fails the step too, said apart from a failed gate: nothing was published.
 */
function failStep(
  exitCode: number,
  report: Report,
  failOnScannerError: boolean,
  publishingFailure?: string,
): void {
  const reasons: string[] = [];
  if (publishingFailure) reasons.push(`Scanfold could not publish to GitHub: ${publishingFailure}`);
  if (exitCode === EXIT.gateFailed)
    reasons.push(`Scanfold gate failed (fail-on ${report.gate.failOn}): ${report.gate.reason}`);
  else if (exitCode !== EXIT.ok && failOnScannerError) {
    const problems = [
      ...report.scanners
        .filter((s) => s.status === 'failed' || s.status === 'timed-out')
        .map((s) => `${s.name} ${s.status}: ${s.message ?? ''}`),
      ...report.errors,
    ];
    reasons.push(`Scanfold: ${problems.join('; ') || `exit code ${exitCode}`}`);
  }
  // One error line: the step's annotation is the first place a user looks.
  if (reasons.length) core.setFailed(reasons.join('. Also: '));
}

/**
 * `mode: scan` — one matrix leg: scan, then upload the leg's bundle for the aggregate job; nothing
 * is posted. A leg whose scan could not even start still uploads a bundle that says so.
 */
async function runShardLeg(inputs: ActionInputs, context: GitHubContext): Promise<void> {
  const workspace = context.workspace;
  const scope = repoScope(context, path.resolve(workspace, inputs.path ?? '.'));
  // Matrix legs share GITHUB_JOB; by default they differ by what they scan.
  const leg = legName(
    inputs.shard ?? [context.job, inputs.scanners?.join('+'), scope].filter(Boolean).join('-'),
  );
  let outcome: ScanOutcome | undefined;
  let failure: string | undefined;
  let config: ScanConfig | undefined;
  try {
    config = resolveActionConfig(inputs, workspace);
    outcome = await scanWithCaches(config, inputs, context);
  } catch (error) {
    failure = errorMessage(error);
    logger.error(`shard ${leg}: ${failure}`);
  }
  const outputDir =
    outcome?.outputDir ?? path.resolve(workspace, inputs['output-dir'] ?? 'scanfold-results');
  const commit = (await readGitHead(workspace)) ?? context.sha;
  // The bundle is the leg's only output: past the deadline the leg fails, rather than hang.
  const upload = uploadShardBundle({
    client: new DefaultArtifactClient(),
    outputDir,
    manifest: {
      schema: 'scanfold-shard/1',
      leg,
      scanners: [...(config?.scanners ?? inputs.scanners ?? [])],
      scope,
      ...(inputs.category ? { category: inputs.category } : {}),
      status: failure ? 'failed' : 'ok',
      ...(failure ? { message: failure } : {}),
      runAttempt: context.runAttempt,
      commit,
      createdAt: new Date().toISOString(),
    },
    retentionDays: inputs['retention-days'] ?? 90,
    logger,
  });
  await withDeadline(
    upload,
    artifactTimeoutMs(),
    (ms) =>
      `shard bundle of ${leg} not uploaded: the artifact service gave no answer within ${ms / 1000} s`,
    logger,
  );
  core.setOutput('shard', leg);
  if (!outcome) {
    core.setFailed(`Scanfold shard ${leg} failed: ${failure ?? 'unknown error'}`);
    return;
  }
  setReportOutputs(outcome);
  const report = outcome.report;
  await writeSummary(
    (maxLength) =>
      renderMarkdown(report, {
        maxLength,
        notices: [`Shard ${leg}: the aggregate job publishes the comment, alerts and artifact.`],
      }),
    logger,
  );
  // The gate is the aggregate's to apply, once, over every leg.
  const failed = failedScanners(report);
  if (failed.length && (inputs['fail-on-scanner-error'] ?? true))
    core.setFailed(`Scanfold shard ${leg}: ${failed.join(', ')} failed or timed out`);
}

/** A positive number from the environment, as options; nothing when unset or not a number. */
function positiveEnv<T>(name: string, options: (value: number) => T): T | undefined {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? options(value) : undefined;
}

/** How long an artifact upload may go unanswered; tests shorten it. */
const artifactTimeoutMs = (): number =>
  positiveEnv('SCANFOLD_ARTIFACT_TIMEOUT_MS', (ms) => ms) ?? ARTIFACT_TIMEOUT_MS;

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

/**
 * `baseline: auto` (the default on pull requests when neither the input nor the config file names
 * one): the base branch's last compliance report, found through the REST API; none → no baseline.
 */
async function withAutoBaseline(
  config: ScanConfig,
  inputs: ActionInputs,
  context: GitHubContext,
  octokit: Octokit | undefined,
): Promise<ScanConfig> {
  const auto =
    inputs.baseline === 'auto' ||
    (inputs.baseline === undefined &&
      config.baseline === undefined &&
      PULL_REQUEST_EVENTS.has(context.eventName));
  if (!auto) return config;
  if (!octokit) {
    logger.info('baseline auto: no github-token; running without a baseline');
    return config;
  }
  const baseline = await findBaselineReport({
    octokit,
    context,
    artifactName: inputs['artifact-name'] ?? 'scanfold-report',
    logger,
  });
  return baseline ? { ...config, baseline } : config;
}

/** Read inputs, run the engine (or gather the shards), publish. Everything else lives elsewhere. */
export async function run(): Promise<void> {
  try {
    const inputs = parseActionInputs((name) => core.getInput(name));
    if ((inputs.ref === undefined) !== (inputs.sha === undefined))
      throw new ConfigurationError('action input: `ref` and `sha` must be given together');
    const context = await readContext(process.env);
    const mode = inputs.mode ?? 'full';
    if (mode === 'scan') {
      await runShardLeg(inputs, context);
      return;
    }
    const token = inputs['github-token'];
    const octokit = token
      ? createGitHubClient({
          token,
          apiUrl: context.apiUrl,
          logger,
          maxRateLimitWaitSeconds: inputs['max-rate-limit-wait'] ?? 60,
          // Tests shorten the per-request deadline and the retry delays; runners keep the defaults.
          ...positiveEnv('SCANFOLD_REQUEST_TIMEOUT_MS', (ms) => ({ requestTimeoutMs: ms })),
          ...positiveEnv('SCANFOLD_GITHUB_RETRY_BASE_MS', (ms) => ({ retry: { baseMs: ms } })),
        })
      : undefined;
    const config = await withAutoBaseline(
      resolveActionConfig(inputs, context.workspace),
      inputs,
      context,
      octokit,
    );
    let outcome: ScanOutcome;
    let analyses: Analysis[];
    let scope: string;
    let head = await readGitHead(context.workspace);
    if (mode === 'aggregate') {
      const aggregated = await aggregateShards({
        client: new DefaultArtifactClient(),
        workspace: context.workspace,
        outputDir: config.outputDir,
        failOn: config.failOn,
        expectedLegs: inputs.shards ?? [],
        policy: {
          failOnScope: config.failOnScope,
          baseline: config.baseline,
          suppressions: config.suppressions,
          licenses: config.licenses,
        },
        clock: systemClock,
        logger,
        artifactTimeoutMs: artifactTimeoutMs(),
      });
      outcome = aggregated.outcome;
      analyses = aggregated.analyses;
      scope = '';
      head = aggregated.commit ?? head;
    } else {
      outcome = await scanWithCaches(config, inputs, context);
      scope = repoScope(context, outcome.report.root);
      analyses = [
        {
          sarif: outcome.sarif,
          scope,
          category: inputs.category,
          // Legs of a matrix share the scope; without a category they would replace each other's
          // alerts. Outside a matrix the variant is unset and the category is what it always was.
          variant: matrixKey(inputs.matrix),
          failedTools: failedScanners(outcome.report),
        },
      ];
    }
    setReportOutputs(outcome);
    const published = await publish({
      outcome,
      analyses,
      scope,
      context,
      head,
      octokit,
      artifactClient: new DefaultArtifactClient(),
      settings: {
        comment: inputs.comment ?? 'auto',
        uploadSarif: inputs['upload-sarif'] ?? 'auto',
        ref: inputs.ref,
        sha: inputs.sha,
        artifactName: inputs['artifact-name'] ?? 'scanfold-report',
        retentionDays: inputs['retention-days'] ?? 90,
        pollIntervalMs: Number(process.env.SCANFOLD_POLL_INTERVAL_MS) || 5_000,
        ...positiveEnv('SCANFOLD_PROCESSING_TIMEOUT_MS', (ms) => ({ processingTimeoutMs: ms })),
        matrixKey: matrixKey(inputs.matrix),
        artifactTimeoutMs: artifactTimeoutMs(),
      },
      logger,
      clock: systemClock,
    });
    // With a baseline, `new` counts findings new against it; without one, the comment's delta.
    core.setOutput(
      'new',
      outcome.report.summary.new ?? published.newFindings ?? outcome.report.summary.total,
    );
    core.setOutput('fixed', outcome.report.summary.fixed ?? '');
    core.setOutput('comment-url', published.commentUrl ?? '');
    core.setOutput('artifact-id', published.artifactId ?? '');
    failStep(
      outcome.exitCode,
      outcome.report,
      inputs['fail-on-scanner-error'] ?? true,
      published.credentialsRejected,
    );
  } catch (error) {
    const prefix =
      error instanceof ConfigurationError ? 'Scanfold configuration error: ' : 'Scanfold failed: ';
    core.setFailed(prefix + errorMessage(error));
  }
}
