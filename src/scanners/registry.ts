import type { Category, Package, Severity } from '../model/finding.ts';
import type { ToolKnowledge } from '../model/tool-knowledge.ts';
import { genericToolName } from '../model/tool-knowledge.ts';
import type { z } from 'zod';
import type { ScannerAdapter, ToolSettings } from './adapter.ts';
import { checkov } from './checkov.ts';
import { gitleaks } from './gitleaks.ts';
import { govulncheck } from './govulncheck.ts';
import { grype } from './grype.ts';
import { osvScanner } from './osv-scanner.ts';
import { semgrep } from './semgrep.ts';
import { syft } from './syft.ts';
import { trivy } from './trivy.ts';

/**
 * The one list of scanners. Everything else — `--scanners` and the action input check, the CLI
 * help, the README table, `scanfold merge`'s format detection, normalization's tool knowledge —
 * derives from it. Order is the default run and report order.
 */
export const ADAPTERS = [
  trivy,
  semgrep,
  gitleaks,
  checkov,
  syft,
  grype,
  govulncheck,
  osvScanner,
] as const satisfies readonly ScannerAdapter[];

/** The settings sections adapters declare (an adapter typed with its `settings`). */
type DeclaredSettings = (typeof ADAPTERS)[number] extends infer A
  ? A extends { readonly settings: infer S extends ToolSettings }
    ? S
    : never
  : never;

/** Each tool's resolved settings, as ScanConfig carries them: `config.trivy`, `config.grype`, …. */
export type ToolSettingsConfig = {
  readonly [S in DeclaredSettings as S['key']]: ReturnType<S['resolve']>;
};

/** Each tool's section of the config file, as written (all optional). */
export type ToolSections = {
  [S in DeclaredSettings as S['key']]?: z.infer<S['schema']>;
};

/** Every settings section, in registry order: the config schema is composed from these. */
export const TOOL_SETTINGS: readonly ToolSettings[] = ADAPTERS.flatMap((adapter: ScannerAdapter) =>
  adapter.settings ? [adapter.settings] : [],
);

/** A scanner name from the registry (validated at every input boundary). */
export type ScannerName = string;

export const SCANNER_NAMES = ADAPTERS.map((adapter) => adapter.name) as [string, ...string[]];

const BY_NAME = new Map(ADAPTERS.map((adapter) => [adapter.name, adapter]));

export function adapterNamed(name: string): ScannerAdapter | undefined {
  return BY_NAME.get(name);
}

/** Normalization's questions about tools, answered by each tool's adapter. */
export function knowledgeOf(adapters: readonly ScannerAdapter[]): ToolKnowledge {
  const byName = new Map(adapters.map((adapter) => [adapter.name, adapter]));
  const toolMemo = new Map<string, string>();
  // Only intents some tool maps a twin onto merge; every other check stays per tool.
  const twinned = new Set(adapters.flatMap((adapter) => [...(adapter.iac?.twins?.values() ?? [])]));
  const iacIntent = (tool: string, ruleId: string): string | undefined => {
    const intent = byName.get(tool)?.iac?.intentOf(ruleId);
    return intent !== undefined && twinned.has(intent) ? intent : undefined;
  };
  return {
    toolOf(driverName) {
      let tool = toolMemo.get(driverName);
      if (tool === undefined) {
        tool =
          adapters.find((adapter) => adapter.ownsDriver(driverName))?.name ??
          genericToolName(driverName);
        if (toolMemo.size > 10_000) toolMemo.clear();
        toolMemo.set(driverName, tool);
      }
      return tool;
    },
    categoryOf(tool, ruleId, tags): Category | undefined {
      return byName.get(tool)?.categoryOf?.(ruleId, tags);
    },
    severityFromMessage(tool, message): Severity | undefined {
      return byName.get(tool)?.statedSeverity?.fromMessage?.(message);
    },
    severityOfRule(tool, rule): Severity | undefined {
      return byName.get(tool)?.statedSeverity?.fromRule?.(rule);
    },
    defaultSeverity(tool): Severity | undefined {
      return byName.get(tool)?.defaultSeverity;
    },
    packageFromMessage(tool, message): Package | undefined {
      // The tool's own message format first; any other known format after (messages travel).
      const own = byName.get(tool);
      const found = own?.packageFromMessage?.(message);
      if (found) return found;
      for (const adapter of adapters) {
        if (adapter === own) continue;
        const pkg = adapter.packageFromMessage?.(message);
        if (pkg) return pkg;
      }
      return undefined;
    },
    iacIntent,
    twinSeverity(tool, ruleId) {
      const intent = iacIntent(tool, ruleId);
      if (intent === undefined) return undefined;
      for (const adapter of adapters) {
        if (adapter.name === tool) continue;
        const rated = adapter.iac?.severityOf?.(intent);
        if (rated) return { severity: rated.severity, source: `${adapter.title} ${rated.check}` };
      }
      return undefined;
    },
  };
}

export const TOOL_KNOWLEDGE: ToolKnowledge = knowledgeOf(ADAPTERS);
