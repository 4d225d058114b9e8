import { hash, randomUUID } from 'node:crypto';
import { Enums, Models, Serialize, Spec, SPDX } from '@cyclonedx/cyclonedx-library';
import type { Finding } from '../model/finding.ts';
import type { SbomInput } from '../model/inputs.ts';
import {
  PropertySchema,
  READ_FIELDS,
  readComponentFields,
  readList,
} from '../model/sbom-fields.ts';
import type { ComponentFields, InputHash } from '../model/sbom-fields.ts';
import { checkBomInput, checkSubject } from '../model/sbom-input.ts';
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
  /** What inputs said that the merged SBOM does not keep: one line per file, naming the fields. */
  dropped: { tool: string; message: string }[];
}

/** A bom-ref that depends on the package, not on the order inputs were read in. */
function refFor(key: string): string {
  return `pkg-${hash('sha256', key, 'hex').slice(0, 20)}`;
}

const COMPONENT_TYPES = new Set<string>(Object.values(Enums.ComponentType));

/**
 * One component per package: its purl without qualifiers (e.g. package-id differs between tools
 * for the same package), else group, name and version. A component without either that carries
 * hashes (Syft's `file` components) is also told apart by them: two images' `/bin/sh` with
 * different contents are two files.
 */
function keyOf(component: InputComponent, hashes: readonly InputHash[]): string {
  if (component.purl) return component.purl.split('?')[0] ?? component.purl;
  const key = `${component.group ? component.group + '/' : ''}${component.name}@${component.version ?? ''}`;
  if (hashes.length === 0) return key;
  return `${key}#${hashes
    .map((h) => `${h.alg}:${h.content.toLowerCase()}`)
    .sort()
    .join(',')}`;
}

function licenseName(choice: NonNullable<InputComponent['licenses']>[number]): string | undefined {
  return choice.expression ?? choice.license?.id ?? choice.license?.name;
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

/** Every component with its place in the document (`components.3.components.0`). */
function flatten(
  components: readonly InputComponent[],
  where: string,
): { raw: InputComponent; where: string }[] {
  return components.flatMap((raw, index) => [
    { raw, where: `${where}.${index}` },
    ...flatten(raw.components ?? [], `${where}.${index}.components`),
  ]);
}

/** Syft numbers a package's locations: `syft:location:<n>:path`, `syft:location:<n>:layerID`. */
const SYFT_LOCATION = /^syft:location:(\d+):(.+)$/;

/** What a merged component already holds, so that a second description adds only what is new. */
interface Merged {
  properties: Set<string>;
  /** Each location (its fields and values), in the order numbered in the output. */
  locations: Set<string>;
  references: Set<string>;
}

/**
 * Adds one description of a package (a copy of it at another path, or another tool's view of it)
 * to its merged component.
 *
 * Copies of one package are merged, not kept apart: one component per package is what the merge
 * does across tools already (Syft's and Trivy's views of one image describe the same copies, with
 * different paths conventions and no shared id to pair them by), a vulnerability then affects one
 * bom-ref, the dependency graph has one node per package (Syft's edges between copies are the same
 * package@version edges), and Dependency-Track and other consumers fold components with one purl
 * into one anyway. Nothing the copies say is lost for it: every copy's locations are kept,
 * renumbered `syft:location:0:…`, `syft:location:1:…` in the order read (a location already held
 * is not repeated), and every other property, hash and external reference once. A single-valued
 * field (CPE, author, publisher, supplier, description, copyright, a hash of one algorithm) keeps
 * the first description's value; a different value from another is kept as a property
 * `scanfold:<field>`, as are licences the first description did not name.
 */
function addDescription(
  component: Models.Component,
  merged: Merged,
  raw: InputComponent,
  fields: ComponentFields,
  licenseNames: Set<string>,
): void {
  const property = (name: string, value: string): void => {
    const id = `${name}\u0000${value}`;
    if (merged.properties.has(id)) return;
    merged.properties.add(id);
    component.properties.add(new Models.Property(name, value));
  };
  const alternative = (field: string, held: string | undefined, value: string): void => {
    if (held !== undefined && held !== value) property(`scanfold:${field}`, value);
  };

  const licenses = licensesOf(raw.licenses, licenseNames);
  if (component.licenses.size === 0)
    for (const license of licenses) component.licenses.add(license);
  else {
    const held = new Set(
      [...component.licenses].map((l) =>
        l instanceof Models.LicenseExpression
          ? l.expression
          : l instanceof Models.SpdxLicense
            ? l.id
            : l.name,
      ),
    );
    for (const choice of raw.licenses ?? []) {
      const name = licenseName(choice);
      if (name !== undefined && !held.has(name)) property('scanfold:license', name);
    }
  }

  // A reference without a URL is Syft's way of giving the archive's own digests (see sbom-fields).
  const hashes = [
    ...fields.hashes,
    ...fields.externalReferences.flatMap((reference) =>
      reference.url ? [] : (reference.hashes ?? []),
    ),
  ];
  for (const { alg, content } of hashes) {
    const algorithm = alg as Enums.HashAlgorithm;
    const held = component.hashes.get(algorithm);
    if (held === undefined) component.hashes.set(algorithm, content);
    else if (held.toLowerCase() !== content.toLowerCase())
      property(`scanfold:hash:${alg}`, content);
  }
  if (fields.cpe !== undefined) {
    alternative('cpe', component.cpe, fields.cpe);
    component.cpe ??= fields.cpe;
  }
  for (const field of ['author', 'publisher', 'description', 'copyright'] as const) {
    const value = fields[field];
    if (value === undefined) continue;
    if (field === 'copyright') {
      const held = component.copyright?.toString();
      alternative(field, held, value);
      component.copyright ??= value;
    } else {
      alternative(field, component[field], value);
      component[field] ??= value;
    }
  }
  if (fields.scope !== undefined) component.scope ??= fields.scope as Enums.ComponentScope;
  if (fields.supplier !== undefined) {
    const supplier = fields.supplier;
    const entity = new Models.OrganizationalEntity({
      ...(supplier.name !== undefined ? { name: supplier.name } : {}),
    });
    for (const url of supplier.url ?? []) entity.url.add(url);
    for (const contact of supplier.contact ?? [])
      entity.contact.add(
        new Models.OrganizationalContact({
          ...(contact.name !== undefined ? { name: contact.name } : {}),
          ...(contact.email !== undefined ? { email: contact.email } : {}),
          ...(contact.phone !== undefined ? { phone: contact.phone } : {}),
        }),
      );
    if (component.supplier === undefined) component.supplier = entity;
    else alternative('supplier', JSON.stringify(component.supplier), JSON.stringify(supplier));
  }
  if (fields.swid !== undefined && component.swid === undefined) {
    const swid = fields.swid;
    component.swid = new Models.SWID(swid.tagId, swid.name, {
      ...(swid.version !== undefined ? { version: swid.version } : {}),
      ...(swid.tagVersion !== undefined ? { tagVersion: swid.tagVersion } : {}),
      ...(swid.patch !== undefined ? { patch: swid.patch } : {}),
    });
  }
  for (const reference of fields.externalReferences) {
    if (!reference.url) continue;
    const type = (reference.type ?? 'other') as Enums.ExternalReferenceType;
    const id = `${type}\u0000${reference.url}\u0000${reference.comment ?? ''}`;
    if (merged.references.has(id)) continue;
    merged.references.add(id);
    const kept = new Models.ExternalReference(
      reference.url,
      type,
      reference.comment !== undefined ? { comment: reference.comment } : {},
    );
    for (const { alg, content } of reference.hashes ?? [])
      kept.hashes.set(alg as Enums.HashAlgorithm, content);
    component.externalReferences.add(kept);
  }
  // Syft's numbered locations: this description's, in its own order, after those held already.
  const locations = new Map<number, [string, string][]>();
  for (const { name, value = '' } of fields.properties) {
    const location = SYFT_LOCATION.exec(name);
    if (!location) {
      property(name, value);
      continue;
    }
    const index = Number(location[1]);
    const entries = locations.get(index) ?? [];
    entries.push([location[2] ?? '', value]);
    locations.set(index, entries);
  }
  for (const [, entries] of [...locations].sort(([a], [b]) => a - b)) {
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const signature = JSON.stringify(entries);
    if (merged.locations.has(signature)) continue;
    const index = merged.locations.size;
    merged.locations.add(signature);
    for (const [field, value] of entries) property(`syft:location:${index}:${field}`, value);
  }
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
  const merged = new Map<Models.Component, Merged>();
  const licenseNames = new Set<string>();
  const purls = new Set<string>();
  const rejected: SbomOutput['rejected'] = [];
  const dropped: SbomOutput['dropped'] = [];
  const metadataProperties = new Set<string>();
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
    const problems: string[] = [];
    const unread = new Map<string, number>();
    const described: { raw: InputComponent; where: string }[] = [];
    // The subject (metadata.component): the first input's becomes the merged SBOM's subject, and
    // another input's subject, when it is a different one, one of its components.
    const metadata = parsed.metadata;
    if (metadata?.component !== undefined) {
      const subject = checkSubject(metadata.component);
      if (subject.success)
        described.push(
          { raw: subject.data, where: 'metadata.component' },
          ...flatten(subject.data.components ?? [], 'metadata.component.components'),
        );
      else problems.push(subject.reason);
    }
    described.push(...flatten(parsed.components ?? [], 'components'));
    described.forEach(({ raw, where }, index) => {
      for (const field of Object.keys(raw))
        if (!READ_FIELDS.has(field)) unread.set(field, (unread.get(field) ?? 0) + 1);
      const fields = readComponentFields(raw, where, problems);
      const key = keyOf(raw, fields.hashes);
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
        merged.set(component, {
          properties: new Set(),
          locations: new Set(),
          references: new Set(),
        });
        if (index === 0 && where === 'metadata.component' && bom.metadata.component === undefined)
          bom.metadata.component = component;
        else bom.components.add(component);
        if (raw.purl) purls.add(key);
      }
      const state = merged.get(component);
      if (state) addDescription(component, state, raw, fields, licenseNames);
      if (raw['bom-ref']) byRef.set(`${inputIndex}:${raw['bom-ref']}`, component);
    });
    const properties = readList(
      (metadata as { properties?: unknown } | undefined)?.properties,
      PropertySchema,
      'metadata.properties',
      problems,
    );
    for (const { name, value = '' } of properties) {
      const id = `${name}\u0000${value}`;
      if (metadataProperties.has(id)) continue;
      metadataProperties.add(id);
      bom.metadata.properties.add(new Models.Property(name, value));
    }
    for (const dependency of parsed.dependencies ?? []) {
      const from = byRef.get(`${inputIndex}:${dependency.ref}`);
      for (const ref of dependency.dependsOn ?? []) {
        const to = byRef.get(`${inputIndex}:${ref}`);
        if (from && to && from !== to) from.dependencies.add(to.bomRef);
      }
    }
    if (problems.length > 0)
      dropped.push({
        tool: input.tool,
        message: `${input.file}: ${problems.length} field(s) not usable CycloneDX 1.6 were left out (first: ${problems[0]})`,
      });
    if (unread.size > 0)
      dropped.push({
        tool: input.tool,
        message: `${input.file}: component field(s) not carried into the merged SBOM: ${[...unread]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([field, count]) => `${field} (${count})`)
          .join(', ')}`,
      });
  });
  attachVulnerabilities(bom, findings, byKey);
  const serializer = new Serialize.JsonSerializer(
    new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6),
  );
  return {
    json: serializer.serialize(bom, { sortLists: true, space: 2 }) + '\n',
    summary: {
      components: bom.components.size,
      uniquePurls: purls.size,
      licenses: [...licenseNames].sort(),
    },
    rejected,
    dropped,
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
