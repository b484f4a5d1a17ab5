import { existsSync } from 'node:fs';
import { findExecutable } from './findExecutable';

/** Something the editor tests need from the machine, and how a developer gets it. */
export interface Prerequisite {
  name: string;
  found: string | null;
  install: string;
}

/** Where the browser is looked for: `PI_AUDIT_CHROMIUM` first, then the usual Debian/Ubuntu names. */
export function findChromium(): string | null {
  const configured = process.env.PI_AUDIT_CHROMIUM;
  if (configured) return findExecutable(configured);
  return findExecutable('/usr/bin/chromium', '/usr/bin/chromium-browser', 'chromium', 'chromium-browser');
}

/**
 * What the editor tests need. Building code-server (native modules kerberos and node-pty, and
 * the ripgrep binary its postinstall would otherwise download) is needed only while it is not in
 * the cache yet, so those checks are skipped once it is installed.
 */
export function checkPrerequisites(codeServerInstalled: boolean): Prerequisite[] {
  const checks: Prerequisite[] = [
    { name: 'Chromium (Debian package chromium, or PI_AUDIT_CHROMIUM=/path/to/chrome)', found: findChromium(), install: 'apt-get install -y chromium' },
  ];
  if (!codeServerInstalled) {
    checks.push(
      { name: 'ripgrep (rg), seeded into code-server\'s install', found: findExecutable('rg'), install: 'apt-get install -y ripgrep' },
      { name: 'Kerberos headers (libkrb5-dev), for code-server\'s kerberos module', found: findKerberosHeaders(), install: 'apt-get install -y libkrb5-dev' },
      { name: 'C++ toolchain (make, g++) for node-gyp', found: bothFound(findExecutable('make'), findExecutable('g++')), install: 'apt-get install -y build-essential' },
      { name: 'python3 for node-gyp', found: findExecutable('python3'), install: 'apt-get install -y python3' },
      { name: 'tar, to seed the ripgrep cache', found: findExecutable('tar'), install: 'apt-get install -y tar' },
      // code-server 4.100.3's postinstall stops unless Node's major version is 20.
      { name: 'Node.js 20 (code-server 4.100.3 requires it)', found: process.versions.node.startsWith('20.') ? process.execPath : null, install: 'use Node.js 20 (e.g. nvm use 20)' },
      { name: 'Linux on x64 or arm64 (the ripgrep seed)', found: process.platform === 'linux' && ['x64', 'arm64'].includes(process.arch) ? `${process.platform}/${process.arch}` : null, install: 'run the editor tests on Linux (CI does)' },
    );
  }
  return checks;
}

function findKerberosHeaders(): string | null {
  const header = '/usr/include/gssapi/gssapi.h';
  return existsSync(header) ? header : findExecutable('krb5-config');
}

function bothFound(first: string | null, second: string | null): string | null {
  return first && second ? `${first}, ${second}` : null;
}
