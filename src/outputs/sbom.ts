import { hash, randomUUID } from 'node:crypto';
import { Enums, Models, Serialize, Spec, SPDX } from '@cyclonedx/cyclonedx-library';
import type { Finding } from '../model/finding.ts';
import type { SbomInput } from '../model/inputs.ts';
import { checkBomInput } from '../model/sbom-input.ts';
import type { InputComponent } from '../model/sbom-input.ts';

export interface SbomSummary {
  components: number;
  uniquePurls: number;
  licenses: string[];
}

export interface SbomOutput {
  json: string;
  summary: SbomSummary;
  /** Inputs left out: the tool that gave each, and a reason naming the file. */
  rejected: { tool: string; message: string }[];
}

/** A bom-ref that depends on the package, not on the order inputs were read in. */
function refFor(key: string): string {
  return `pkg-${hash('sha256', key, 'hex').slice(0, 20)}`;
}

const COMPONENT_TYPES = new Set<string>(Object.values(Enums.ComponentType));

function keyOf(component: InputComponent): string {
  // Qualifiers (e.g. package-id) differ between tools for the same package.
  if (component.purl) return component.purl.split('?')[0] ?? component.purl;
  return `${component.group ? component.group + '/' : ''}${component.name}@${component.version ?? ''}`;
}

function licensesOf(choices: InputComponent['licenses'], seen: Set<string>): Models.License[] {
  const licenses: Models.License[] = [];
  for (const choice of choices ?? []) {
    if (choice.expression) {
      licenses.push(new Models.LicenseExpression(choice.expression));
      seen.add(choice.expression);
    } else if (choice.license?.id && SPDX.isSupportedSpdxId(choice.license.id)) {
      licenses.push(new Models.SpdxLicense(choice.license.id));
      seen.add(choice.license.id);
    } else if (choice.license?.id ?? choice.license?.name) {
      const name = choice.license.id ?? choice.license.name ?? '';
      licenses.push(new Models.NamedLicense(name));
      seen.add(name);
    }
  }
  return licenses;
}

function flatten(components: readonly InputComponent[]): InputComponent[] {
  return components.flatMap((component) => [component, ...flatten(component.components ?? [])]);
}

/** Syft's and Trivy's SBOMs as one CycloneDX 1.6 document, with vulnerabilities attached. */
export function buildSbom(inputs: readonly SbomInput[], findings: readonly Finding[]): SbomOutput {
  const bom = new Models.Bom({ serialNumber: `urn:uuid:${randomUUID()}` });
  bom.metadata.timestamp = new Date();
  bom.metadata.tools.components.add(
    new Models.Component(Enums.ComponentType.Application, 'scanfold', { group: 'scanfold' }),
  );
  const byKey = new Map<string, Models.Component>();
  const byRef = new Map<string, Models.Component>();
  const licenseNames = new Set<string>();
  const purls = new Set<string>();
  const rejected: SbomOutput['rejected'] = [];
  const toolKeys = new Set<string>(['scanfold@']);
  // Sorted, so the first description of a package (type, licences) does not depend on input order.
  const sorted = [...inputs].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.tool < b.tool ? -1 : 1),
  );
  sorted.forEach((input, inputIndex) => {
    // Imports are checked as they are read; a scanner's SBOM is checked here.
    const checked = checkBomInput(input.bom);
    if (!checked.success) {
      rejected.push({ tool: input.tool, message: `${input.file}: ${checked.reason}` });
      return;
    }
    const parsed = checked.data;
    const toolKey = `${input.tool}@${input.toolVersion ?? ''}`;
    if (!toolKeys.has(toolKey)) {
      toolKeys.add(toolKey);
      bom.metadata.tools.components.add(
        new Models.Component(
          Enums.ComponentType.Application,
          input.tool,
          input.toolVersion ? { version: input.toolVersion } : {},
        ),
      );
    }
    for (const raw of flatten(parsed.components ?? [])) {
      const key = keyOf(raw);
      let component = byKey.get(key);
      if (!component) {
        const type =
          raw.type && COMPONENT_TYPES.has(raw.type)
            ? (raw.type as Enums.ComponentType)
            : Enums.ComponentType.Library;
        component = new Models.Component(type, raw.name, {
          bomRef: refFor(key),
          ...(raw.group ? { group: raw.group } : {}),
          ...(raw.version ? { version: raw.version } : {}),
          ...(raw.purl ? { purl: raw.purl } : {}),
        });
        byKey.set(key, component);
        bom.components.add(component);
        if (raw.purl) purls.add(key);
      }
      const licenses = licensesOf(raw.licenses, licenseNames);
      if (component.licenses.size === 0)
        for (const license of licenses) component.licenses.add(license);
      if (raw['bom-ref']) byRef.set(`${inputIndex}:${raw['bom-ref']}`, component);
    }
    for (const dependency of parsed.dependencies ?? []) {
      const from = byRef.get(`${inputIndex}:${dependency.ref}`);
      for (const ref of dependency.dependsOn ?? []) {
        const to = byRef.get(`${inputIndex}:${ref}`);
        if (from && to && from !== to) from.dependencies.add(to.bomRef);
      }
    }
  });
  attachVulnerabilities(bom, findings, byKey);
  const serializer = new Serialize.JsonSerializer(
    new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6),
  );
  return {
    json: serializer.serialize(bom, { sortLists: true, space: 2 }) + '\n',
    summary: {
      components: byKey.size,
      uniquePurls: purls.size,
      licenses: [...licenseNames].sort(),
    },
    rejected,
  };
}

function attachVulnerabilities(
  bom: Models.Bom,
  findings: readonly Finding[],
  byKey: Map<string, Models.Component>,
): void {
  const byNameVersion = new Map<string, Models.Component>();
  for (const component of byKey.values())
    byNameVersion.set(`${component.name.toLowerCase()}@${component.version ?? ''}`, component);
  for (const finding of findings) {
    if (finding.category !== 'vulnerability' || !finding.package) continue;
    const pkg = finding.package;
    const purlKey = pkg.purl?.split('?')[0];
    let component =
      (purlKey ? byKey.get(purlKey) : undefined) ??
      byNameVersion.get(`${pkg.name.toLowerCase()}@${pkg.version ?? ''}`);
    if (!component) {
      component = new Models.Component(Enums.ComponentType.Library, pkg.name, {
        bomRef: refFor(purlKey ?? `${pkg.name}@${pkg.version ?? ''}`),
        ...(pkg.version ? { version: pkg.version } : {}),
        ...(pkg.purl ? { purl: pkg.purl } : {}),
      });
      byKey.set(purlKey ?? `${pkg.name}@${pkg.version ?? ''}`, component);
      byNameVersion.set(`${pkg.name.toLowerCase()}@${pkg.version ?? ''}`, component);
      bom.components.add(component);
    }
    const vulnerability = new Models.Vulnerability.Vulnerability({
      bomRef: finding.id,
      id: finding.cve ?? finding.ghsa ?? finding.ruleId,
      description: finding.title,
      ...(pkg.fixedVersion ? { recommendation: `Upgrade ${pkg.name} to ${pkg.fixedVersion}` } : {}),
    });
    vulnerability.ratings.add(
      new Models.Vulnerability.Rating({
        ...(finding.cvss !== undefined ? { score: finding.cvss } : {}),
        severity:
          finding.severity === 'info'
            ? Enums.Vulnerability.Severity.Info
            : (finding.severity as Enums.Vulnerability.Severity),
      }),
    );
    for (const cwe of finding.cwe) {
      const number = Number.parseInt(cwe.replace(/^CWE-/, ''), 10);
      if (Number.isInteger(number)) vulnerability.cwes.add(number);
    }
    for (const alias of finding.aliases ?? []) {
      if (alias !== vulnerability.id)
        vulnerability.references.add(
          new Models.Vulnerability.Reference(
            alias,
            new Models.Vulnerability.Source({ name: alias.split('-')[0] ?? 'advisory' }),
          ),
        );
    }
    for (const tool of finding.tools)
      vulnerability.properties.add(new Models.Property('scanfold:tool', tool));
    vulnerability.affects.add(new Models.Vulnerability.Affect(component.bomRef));
    bom.vulnerabilities.add(vulnerability);
  }
}
