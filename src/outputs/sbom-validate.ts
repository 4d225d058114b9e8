import { Spec, Validation } from '@cyclonedx/cyclonedx-library';

/** Validate against the official CycloneDX 1.6 JSON schema shipped with the library. */
export async function validateCycloneDx(json: string): Promise<string | undefined> {
  const error: unknown = await new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(
    json,
  );
  return error === null ? undefined : JSON.stringify(error).slice(0, 2000);
}
