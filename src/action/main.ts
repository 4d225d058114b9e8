import path from 'node:path';
import * as core from '@actions/core';
import { resolveConfig } from '../config/load.ts';
import { scan } from '../engine.ts';
import { ConfigurationError, errorMessage } from '../model/errors.ts';
import { systemClock } from '../model/ports.ts';
import { publish } from './publish.ts';
import { parseActionInputs } from './inputs.ts';
import { actionsLogger } from './logger.ts';

/** Read inputs, run the engine, publish. Everything else lives in the engine or the publisher. */
export async function run(): Promise<void> {
  try {
    const inputs = parseActionInputs((name) => core.getInput(name));
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
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
        images: inputs.image,
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
    const published = await publish({ outcome, inputs, logger: actionsLogger });
    core.setOutput('new', published.newFindings ?? report.summary.total);
    core.setOutput('comment-url', published.commentUrl ?? '');
    core.setOutput('artifact-id', published.artifactId ?? '');
    const failedScanners = report.scanners.filter(
      (s) => s.status === 'failed' || s.status === 'timed-out',
    );
    if (report.gate.result === 'failed') {
      core.setFailed(`Scanfold gate failed (fail-on ${report.gate.failOn}): ${report.gate.reason}`);
    } else if (failedScanners.length > 0 && (inputs['fail-on-scanner-error'] ?? true)) {
      core.setFailed(
        `Scanfold: ${failedScanners.map((s) => `${s.name} ${s.status}: ${s.message ?? ''}`).join('; ')}`,
      );
    }
  } catch (error) {
    const prefix =
      error instanceof ConfigurationError ? 'Scanfold configuration error: ' : 'Scanfold failed: ';
    core.setFailed(prefix + errorMessage(error));
  }
}
