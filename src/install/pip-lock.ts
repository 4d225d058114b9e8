import { errorMessage } from '../model/errors.ts';
import { runProcess } from '../run/process.ts';

/**
 * A hash lock (requirements/<tool>.txt, written by scripts/lock-pypi.ts) lists, before each
 * `name==version [; marker]` requirement, one `#   <file name> sha256:<digest>` comment per file
 * PyPI publishes for that version, and the same digests as `--hash` options. The comments let us
 * tell, before pip runs, whether the lock holds a wheel this interpreter can install: pip is run
 * with `--only-binary=:all:` (building an sdist would fetch unverified build tools), so a
 * requirement without a fitting wheel would otherwise end in a long, unclear resolver error.
 */

/** An interpreter and platform a runner may have, for checking a lock without that interpreter. */
export interface LockTarget {
  /** e.g. `linux-arm64`, as in tools.json's release keys. */
  label: string;
  /** `major.minor.patch` of CPython. */
  python: string;
  /** PEP 508 marker values that depend on the platform. */
  sysPlatform: 'linux' | 'darwin' | 'win32';
  platformMachine: string;
  /** Wheel platform tags the target accepts (Linux, Windows). */
  platforms: string[];
  /** macOS major version: its platform tags are derived as pip derives them. */
  macos?: number;
}

export interface LockFit {
  /** e.g. `CPython 3.9.25 on Darwin x86_64`. */
  interpreter: string;
  /** `name==version` requirements that apply here but have no locked wheel this interpreter accepts. */
  unfit: string[];
  /** Requirements that apply here and have a fitting locked wheel. */
  fit: number;
}

// Runs with the target venv's own Python and the `packaging` that pip vendors (present wherever
// pip is), so tags and markers are judged exactly as pip will judge them.
const FIT_SCRIPT = String.raw`
import json, platform, re, sys
from pip._vendor.packaging.markers import Marker
from pip._vendor.packaging import tags as t

lock_file, target = sys.argv[1], json.loads(sys.argv[2]) if len(sys.argv) > 2 else None
if target:
    major, minor = (int(part) for part in target['python'].split('.')[:2])
    platforms = (list(t.mac_platforms((target['macos'], 0), target['platformMachine']))
                 if target.get('macos') else target['platforms'])
    supported = set(t.cpython_tags((major, minor), platforms=platforms))
    supported |= set(t.compatible_tags((major, minor), 'cp%d%d' % (major, minor), platforms))
    system = {'linux': 'Linux', 'darwin': 'Darwin', 'win32': 'Windows'}[target['sysPlatform']]
    environment = {
        'implementation_name': 'cpython', 'implementation_version': target['python'],
        'os_name': 'nt' if target['sysPlatform'] == 'win32' else 'posix',
        'platform_machine': target['platformMachine'], 'platform_python_implementation': 'CPython',
        'platform_release': '', 'platform_system': system, 'platform_version': '',
        'python_full_version': target['python'], 'python_version': '%d.%d' % (major, minor),
        'sys_platform': target['sysPlatform'], 'extra': '',
    }
    interpreter = 'CPython %s on %s %s' % (target['python'], system, target['platformMachine'])
else:
    supported = set(t.sys_tags())
    environment = None
    interpreter = '%s %s on %s %s' % (platform.python_implementation(),
        platform.python_version(), platform.system(), platform.machine())

def wheel_tags(name):
    python, abi, plat = name[:-len('.whl')].split('-')[-3:]
    return {t.Tag(i, a, p) for i in python.split('.') for a in abi.split('.') for p in plat.split('.')}

requirement = re.compile(r'^([A-Za-z0-9][A-Za-z0-9._-]*==[^\s;\\]+)\s*(?:;\s*(.*?))?\s*(?:\\|--hash|$)')
files, unfit, fit = [], [], 0
for line in open(lock_file, encoding='utf-8'):
    line = line.rstrip('\n')
    file = re.match(r'^#\s+(\S+)\s+sha256:[0-9a-f]{64}$', line)
    if file:
        files.append(file.group(1))
        continue
    match = requirement.match(line)
    if not match:
        continue
    pinned, marker = match.group(1), match.group(2)
    if not marker or Marker(marker).evaluate(environment):
        wheels = [f for f in files if f.endswith('.whl')]
        if any(wheel_tags(f) & supported for f in wheels):
            fit += 1
        else:
            unfit.append(pinned)
    files = []
print(json.dumps({'interpreter': interpreter, 'unfit': unfit, 'fit': fit}))
`;

/** Which of the lock's requirements apply to `python` (or to `target`) and lack a fitting wheel. */
export async function checkLockFit(
  python: string,
  lockFile: string,
  target?: LockTarget,
): Promise<LockFit> {
  const args = ['-c', FIT_SCRIPT, lockFile, ...(target ? [JSON.stringify(target)] : [])];
  const result = await runProcess({ command: python, args, cwd: process.cwd(), timeoutMs: 60_000 });
  if (result.exitCode !== 0)
    throw new Error(
      `cannot check ${lockFile} against ${python}: ${result.spawnError ?? result.stderrTail.slice(-3).join(' | ')}`,
    );
  try {
    return JSON.parse(result.stdout) as LockFit;
  } catch (error) {
    throw new Error(`cannot check ${lockFile} against ${python}: ${errorMessage(error)}`, {
      cause: error,
    });
  }
}

/**
 * The interpreters GitHub-hosted runners offer (ubuntu-22.04/24.04 x64 and arm64, macos-13 x64,
 * macos-14/15 arm64, windows x64; CPython 3.9–3.13 from setup-python), at the oldest patch
 * release and a late one, since markers may compare full versions.
 */
export function runnerTargets(): LockTarget[] {
  // ubuntu-22.04 has glibc 2.35, the oldest on a hosted runner: manylinux_2_35 down to 2_5.
  const manylinux = (arch: string) => [
    ...Array.from({ length: 31 }, (_, i) => `manylinux_2_${35 - i}_${arch}`),
    ...(arch === 'x86_64'
      ? ['manylinux2014_x86_64', 'manylinux2010_x86_64', 'manylinux1_x86_64']
      : ['manylinux2014_aarch64']),
    `linux_${arch}`,
  ];
  const platforms: Omit<LockTarget, 'python'>[] = [
    {
      label: 'linux-x64',
      sysPlatform: 'linux',
      platformMachine: 'x86_64',
      platforms: manylinux('x86_64'),
    },
    {
      label: 'linux-arm64',
      sysPlatform: 'linux',
      platformMachine: 'aarch64',
      platforms: manylinux('aarch64'),
    },
    {
      label: 'darwin-x64',
      sysPlatform: 'darwin',
      platformMachine: 'x86_64',
      platforms: [],
      macos: 13,
    },
    {
      label: 'darwin-arm64',
      sysPlatform: 'darwin',
      platformMachine: 'arm64',
      platforms: [],
      macos: 14,
    },
    {
      label: 'win32-x64',
      sysPlatform: 'win32',
      platformMachine: 'AMD64',
      platforms: ['win_amd64'],
    },
  ];
  // The first and a late patch release of each minor version.
  const pythons = [
    ['3.9.0', '3.9.25'],
    ['3.10.0', '3.10.19'],
    ['3.11.0', '3.11.14'],
    ['3.12.0', '3.12.12'],
    ['3.13.0', '3.13.9'],
  ].flat();
  return platforms.flatMap((platform) => pythons.map((python) => ({ ...platform, python })));
}
