import path from 'node:path';
import * as core from '@actions/core';
import { DefaultArtifactClient } from '@actions/artifact';
import { resolveConfig } from '../config/load.ts';
import { EXIT, scan } from '../engine.ts';
import { ConfigurationError, errorMessage } from '../model/errors.ts';
import { systemClock } from '../model/ports.ts';
import { createGitHubClient } from '../github/client.ts';
import { readContext, readGitHead, repoScope } from '../github/context.ts';
import { publish } from '../github/publish.ts';
import { parseActionInputs } from './inputs.ts';
import { actionsLogger } from './logger.ts';

/** Read inputs, run the engine, publish. Everything else lives in the engine or in src/github. */
export async function run(): Promise<void> {
  try {
    const inputs = parseActionInputs((name) => core.getInput(name));
    if ((inputs.ref === undefined) !== (inputs.sha === undefined))
      throw new ConfigurationError('action input: `ref` and `sha` must be given together');
    const context = await readContext(process.env);
    const workspace = context.workspace;
    const config = resolveConfig({
      root: path.resolve(workspace, inputs.path ?? '.'),
      configFile: inputs.config,
      overrides: {
        scanners: inputs.scanners,
        failOn: inputs['fail-on'],
        retries: inputs.retries,
        timeoutMinutes: inputs['timeout-minutes'],
        concurrency: inputs.concurrency,
        outputDir: inputs['output-dir'] ? path.resolve(workspace, inputs['output-dir']) : undefined,
        offline: inputs.offline,
      },
    });
    const outcome = await scan(config, { logger: actionsLogger, clock: systemClock });
    const { report } = outcome;
    core.setOutput('total', report.summary.total);
    for (const severity of ['critical', 'high', 'medium', 'low'] as const)
      core.setOutput(severity, report.summary.bySeverity[severity]);
    core.setOutput('report-json', outcome.files.report);
    core.setOutput('sarif', outcome.files.sarif);
    core.setOutput('sbom', outcome.files.sbom ?? '');
    core.setOutput('result', report.gate.result);
    const token = inputs['github-token'];
    const scope = repoScope(context, report.root);
    const failedTools = report.scanners
      .filter((s) => s.status === 'failed' || s.status === 'timed-out')
      .map((s) => s.name);
    const published = await publish({
      outcome,
      analyses: [{ sarif: outcome.sarif, scope, category: inputs.category, failedTools }],
      scope,
      context,
      head: await readGitHead(workspace),
      octokit: token
        ? createGitHubClient({
            token,
            apiUrl: context.apiUrl,
            logger: actionsLogger,
            maxRateLimitWaitSeconds: inputs['max-rate-limit-wait'] ?? 60,
          })
        : undefined,
      artifactClient: new DefaultArtifactClient(),
      settings: {
        comment: inputs.comment ?? 'auto',
        uploadSarif: inputs['upload-sarif'] ?? 'auto',
        ref: inputs.ref,
        sha: inputs.sha,
        artifactName: inputs['artifact-name'] ?? 'scanfold-report',
        retentionDays: inputs['retention-days'] ?? 90,
        pollIntervalMs: Number(process.env.SCANFOLD_POLL_INTERVAL_MS) || 5_000,
      },
      logger: actionsLogger,
      clock: systemClock,
    });
    core.setOutput('new', published.newFindings ?? report.summary.total);
    core.setOutput('comment-url', published.commentUrl ?? '');
    core.setOutput('artifact-id', published.artifactId ?? '');
    failStep(outcome.exitCode, report, inputs['fail-on-scanner-error'] ?? true);
  } catch (error) {
    const prefix =
      error instanceof ConfigurationError ? 'Scanfold configuration error: ' : 'Scanfold failed: ';
    core.setFailed(prefix + errorMessage(error));
  }
}

/** The engine's exit rule (the CLI's exit code), as a failed step; scanner errors may be tolerated. */
function failStep(
  exitCode: number,
  report: Awaited<ReturnType<typeof scan>>['report'],
  failOnScannerError: boolean,
): void {
  if (exitCode === EXIT.ok) return;
  if (exitCode === EXIT.gateFailed) {
    core.setFailed(`Scanfold gate failed (fail-on ${report.gate.failOn}): ${report.gate.reason}`);
    return;
  }
  if (!failOnScannerError) return;
  const problems = [
    ...report.scanners
      .filter((s) => s.status === 'failed' || s.status === 'timed-out')
      .map((s) => `${s.name} ${s.status}: ${s.message ?? ''}`),
    ...report.errors,
  ];
  core.setFailed(`Scanfold: ${problems.join('; ') || `exit code ${exitCode}`}`);
}
