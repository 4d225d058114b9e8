// Short names for compliance controls, shared by the HTML report and the comment.
/** `owasp-top10-2021:A03` → `OWASP A03:2021`; `docker-cis-1.6.0:4.1` → `CIS Docker 4.1`. */
export function controlLabel(key: string): string {
  const [framework = '', control = ''] = key.split(/:(.*)/s);
  const owasp = /^owasp-top10-(\d{4})$/.exec(framework);
  if (owasp) return `OWASP ${control}:${owasp[1]}`;
  if (/^cwe-top25-\d{4}$/.test(framework)) return `CWE Top 25 ${control}`;
  const cis = /^([a-z0-9]+)-cis-/.exec(framework);
  if (cis) {
    const platform =
      cis[1] === 'k8s'
        ? 'Kubernetes'
        : cis[1] === 'aws'
          ? 'AWS'
          : cis[1] === 'eks'
            ? 'EKS'
            : (cis[1] ?? '').replace(/^./, (c) => c.toUpperCase());
    return `CIS ${platform} ${control}`;
  }
  return `${framework.toUpperCase()} ${control}`;
}
