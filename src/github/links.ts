import type { MarkdownLinks } from '../outputs/markdown.ts';
import type { GitHubContext } from './context.ts';

/**
 * Links for the comment and the summary. Finding paths are relative to the scanned directory, so
 * file links start at the commit *and* that directory: they must name a real repository path.
 */
export function reportLinks(
  context: GitHubContext,
  options: { commit: string; scope: string; artifactId?: number | undefined },
): MarkdownLinks {
  const repoUrl = `${context.serverUrl}/${context.owner}/${context.repo}`;
  const runUrl = `${repoUrl}/actions/runs/${context.runId}`;
  const scopePath = options.scope
    ? `/${options.scope.split('/').map(encodeURIComponent).join('/')}`
    : '';
  return {
    blobBase: `${repoUrl}/blob/${options.commit}${scopePath}`,
    runUrl,
    codeScanningUrl: `${repoUrl}/security/code-scanning${context.pullRequest ? `?query=pr%3A${context.pullRequest.number}` : ''}`,
    ...(options.artifactId ? { artifactUrl: `${runUrl}/artifacts/${options.artifactId}` } : {}),
  };
}
