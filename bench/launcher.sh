#!/usr/bin/env bash
# The baseline for bench/overhead.ts: the same six scanners `scanfold scan --offline` runs, with
# the same flags and environment, started by a plain shell script (`&` and `wait`), outputs only.
#   bench/launcher.sh TARGET OUT_DIR
# Each scanner runs in its own session (setsid -w), as scanfold starts them (own process group, so a
# cancelled scan can kill the whole tree). With the kernel's autogroup scheduling a session is also
# a CPU-share unit, so a launcher without setsid gets less CPU than scanfold on a busy machine.
# Executables come from TRIVY, SEMGREP, GITLEAKS, CHECKOV, SYFT, GRYPE; databases from
# TRIVY_CACHE_DIR and GRYPE_DB_CACHE_DIR; rules from SEMGREP_RULES. The flags are the adapters'
# defaults (Trivy's passed checks and Checkov's passed_checks are compliance evidence, so neither
# runs quiet); keep them in step with src/scanners/*.ts.
set -u
target=$1
out=$2
mkdir -p "$out"
cd "$target" || exit 2

(
  TRIVY_DISABLE_VEX_NOTICE=true TRIVY_SKIP_VERSION_CHECK=true TRIVY_DISABLE_TELEMETRY=true \
    setsid -w "$TRIVY" fs --scanners vuln,misconfig,secret --format json --list-all-pkgs \
    --output "$out/trivy.json" --cache-dir "$TRIVY_CACHE_DIR" --exit-code 0 --no-progress \
    --skip-check-update --include-non-failures --skip-db-update --skip-java-db-update --offline-scan . &&
    setsid -w "$TRIVY" convert --format sarif --output "$out/trivy.sarif" "$out/trivy.json" &&
    setsid -w "$TRIVY" convert --format cyclonedx --output "$out/trivy.cdx.json" "$out/trivy.json"
) &

SEMGREP_SEND_METRICS=off SEMGREP_ENABLE_VERSION_CHECK=0 \
  setsid -w "$SEMGREP" scan --metrics off --disable-version-check --no-rewrite-rule-ids --quiet \
  "--sarif-output=$out/semgrep.sarif" "--json-output=$out/semgrep.json" \
  --config "$SEMGREP_RULES" . >/dev/null &

mode=dir
[ -d .git ] && mode=git
setsid -w "$GITLEAKS" "$mode" . --report-format sarif --report-path "$out/gitleaks.sarif" --redact \
  --exit-code 0 --no-banner 2>/dev/null &

BC_SKIP_MAPPING=TRUE CHECKOV_NO_OUTPUT_PROGRESS=1 LOG_LEVEL=WARNING \
  setsid -w "$CHECKOV" -d . --output sarif --output json --output-file-path "$out/checkov" \
  --compact --soft-fail --skip-download >/dev/null &

(
  SYFT_CHECK_FOR_APP_UPDATE=false \
    setsid -w "$SYFT" scan dir:. --quiet -o "cyclonedx-json=$out/syft.cdx.json" &&
    GRYPE_CHECK_FOR_APP_UPDATE=false GRYPE_DB_AUTO_UPDATE=false GRYPE_DB_VALIDATE_AGE=false \
      setsid -w "$GRYPE" "sbom:$out/syft.cdx.json" -o "sarif=$out/grype.sarif" -o "json=$out/grype.json" \
      2>/dev/null
) &

wait
