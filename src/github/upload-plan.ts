import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import type { ArtifactLocation, Log, Run } from 'sarif';
import { mapArtifactLocations } from '../model/sarif-locations.ts';
import { ORIGINAL_URI_KEY } from '../normalize/extract.ts';
import { pseudoSegment, SRCROOT } from '../outputs/sarif.ts';
import { GITHUB_SARIF_LIMITS, fitToLimits } from '../outputs/sarif-limits.ts';
import type { RunSizer, SarifLimits, Truncation } from '../outputs/sarif-limits.ts';

/** GitHub keeps every result of a run but shows only the first 5,000 (by severity) in the UI. */
export const RESULTS_SHOWN_PER_RUN = 5_000;

export interface UploadPayload {
  /** The scanner the run came from. */
  tool: string;
  /** runAutomationDetails.id: with the driver name and the ref, what identifies the analysis. */
  category: string;
  log: Log;
  results: number;
  gzipped: Buffer;
  gzipBytes: number;
}

export interface UploadPlanRequest {
  merged: Log;
  /** The scanned directory relative to the repository root ('' for the root). */
  scope: string;
  /** Names the analysis instead of the scope (the `category` input). */
  category?: string | undefined;
  /** Keeps matrix legs apart when no category is given (the matrix key or the leg's name). */
  variant?: string | undefined;
  /** Absolute path of the repository root (GITHUB_WORKSPACE). */
  workspace: string;
  /** Tools whose scan failed: their (empty or partial) run would close their open alerts. */
  excludedTools?: readonly string[];
  limits?: SarifLimits;
}

export interface UploadPlan {
  payloads: UploadPayload[];
  truncated: Truncation[];
  /** Things a user should know before reading the alerts (e.g. results GitHub will not show). */
  notes: string[];
}

/** The tool a merged run belongs to: `scanfold/<tool>/…` (or the driver name for foreign runs). */
export function toolOfRun(run: Run): string {
  return /^scanfold\/([^/]+)\//.exec(run.automationDetails?.id ?? '')?.[1] ?? run.tool.driver.name;
}

/**
 * `scanfold/<tool>/<scope>/`, or `scanfold/<tool>/<scope>/<variant>/` for a matrix leg. GitHub
 * replaces an analysis with the next upload of the same ref, tool and category and closes the
 * alerts it no longer lists: matrix legs of one commit need different categories, and a re-run of
 * one leg replaces only its own analysis. `variant` (the matrix key, or the leg's name) is added
 * only to the default category: an explicit `category` is the user's name and is kept as given.
 * Without a variant the category is what it always was: renaming it would strand every open alert
 * under the old name (GitHub never closes them, as no upload of the old category comes again).
 */
export function categoryFor(
  tool: string,
  scope: string,
  category?: string,
  variant?: string,
): string {
  const trim = (name: string): string => name.replace(/^\/+|\/+$/g, '');
  const named =
    category !== undefined
      ? trim(category)
      : [trim(scope), trim(variant ?? '')].filter(Boolean).join('/');
  return `scanfold/${tool}/${named ? `${named}/` : ''}`;
}

function encodeSegments(relative: string): string {
  return relative.split('/').map(encodeURIComponent).join('/');
}

/**
 * Code scanning reads a relative `artifactLocation.uri` as relative to the repository root and
 * ignores `uriBaseId`/`originalUriBaseIds` (github/codeql-action#2215, #2456): every URI is
 * rewritten to be repository-relative. Absolute file URIs inside the workspace become relative too.
 */
function rebaseLocation(
  location: ArtifactLocation,
  prefix: string,
  workspaceUri: string,
): ArtifactLocation {
  const uri = location.uri;
  if (!uri) return location;
  if (uri.startsWith(workspaceUri))
    return { ...location, uri: uri.slice(workspaceUri.length), uriBaseId: SRCROOT };
  if (/^file:/i.test(uri) || uri.startsWith('/')) return location;
  // Any other scheme (an image reference, https:) makes code scanning reject the whole upload
  // ("SARIF URI scheme … did not match the checkout URI scheme "file""): scanfold.sarif never
  // writes one, but a merged log from elsewhere may. A pseudo path, the real URI kept beside it.
  if (/^[a-z][a-z0-9+.-]*:/i.test(uri)) {
    // The same stand-in as buildSarif writes for such a location.
    const pseudo = `.scanfold/external/${pseudoSegment(uri)}`;
    return {
      ...location,
      uri: prefix ? `${prefix}/${pseudo}` : pseudo,
      uriBaseId: SRCROOT,
      properties: { ...location.properties, [ORIGINAL_URI_KEY]: uri },
    };
  }
  if (location.uriBaseId !== undefined && location.uriBaseId !== SRCROOT) return location;
  const joined = prefix ? path.posix.normalize(`${prefix}/${uri}`) : uri;
  return { ...location, uri: joined, uriBaseId: SRCROOT };
}

/**
 * The merged log as GitHub must receive it, before fitting: the runs of the tools to upload, with
 * repository-relative URIs and a category carrying the scanned path. Each payload is this envelope
 * around one fitted run.
 */
export function uploadEnvelope(request: UploadPlanRequest): Log {
  const workspaceUri = pathToFileURL(request.workspace.replace(/\/?$/, '/')).href;
  const prefix = request.scope ? encodeSegments(request.scope) : '';
  const rebase = (location: ArtifactLocation): ArtifactLocation =>
    rebaseLocation(location, prefix, workspaceUri);
  const excluded = new Set(request.excludedTools ?? []);
  const runs = request.merged.runs
    .filter((run) => !excluded.has(toolOfRun(run)))
    .map((run): Run => {
      const { artifacts, results, ...rest } = run;
      return {
        ...rest,
        automationDetails: {
          ...run.automationDetails,
          id: categoryFor(toolOfRun(run), request.scope, request.category, request.variant),
        },
        originalUriBaseIds: { [SRCROOT]: { uri: workspaceUri } },
        ...(artifacts ? { artifacts: mapArtifactLocations(artifacts, rebase) } : {}),
        results: (results ?? []).map((result) => mapArtifactLocations(result, rebase)),
      };
    });
  return { ...request.merged, runs };
}

/**
 * Sizes each run by the payload itself: the upload's gzip (default level) of the run in its
 * envelope, kept by run so the payload is not serialised and compressed a second time. Exact where
 * fitToLimits' own check estimates, so it never lets through a run GitHub would refuse.
 */
function payloadSizer(): { size: RunSizer; gzipped: WeakMap<Run, Buffer> } {
  const gzipped = new WeakMap<Run, Buffer>();
  const size: RunSizer = (merged, run) => {
    const payload = gzipSync(JSON.stringify({ ...merged, runs: [run] }));
    gzipped.set(run, payload);
    return payload.length;
  };
  return { size, gzipped };
}

/**
 * The merged log as GitHub must receive it: one upload per tool (one rejected run never costs the
 * other tools their alerts, and no two runs share a category), repository-relative URIs, a category
 * carrying the scanned path, and each run fitted to GitHub's limits.
 * Each run is serialised and gzipped once when it fits; only a run cut down for size costs more.
 */
export function planUploads(request: UploadPlanRequest): UploadPlan {
  const envelope = uploadEnvelope(request);
  const sizer = payloadSizer();
  const limits = request.limits ?? { ...GITHUB_SARIF_LIMITS };
  const fitted = fitToLimits(envelope, limits, undefined, sizer.size);
  const notes: string[] = [];
  const payloads = fitted.runs.map((run): UploadPayload => {
    const tool = toolOfRun(run);
    const results = run.results?.length ?? 0;
    if (results > RESULTS_SHOWN_PER_RUN)
      notes.push(
        `${tool}: ${results} results uploaded; GitHub shows only the first ${RESULTS_SHOWN_PER_RUN} of a run as alerts (scanfold.sarif and the report keep them all)`,
      );
    const log: Log = { ...envelope, runs: [run] };
    const gzipped = sizer.gzipped.get(run) ?? gzipSync(JSON.stringify(log));
    return {
      tool,
      category: run.automationDetails?.id ?? '',
      log,
      results,
      gzipped,
      gzipBytes: gzipped.length,
    };
  });
  return { payloads, truncated: fitted.truncated, notes };
}
