import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Folders of one editor run, all under one temporary directory that the run owns. */
export interface ThrowawayProfile {
  root: string;
  /** HOME and XDG_* point here: code-server writes its config.yaml and caches there. */
  home: string;
  userDataDir: string;
  extensionsDir: string;
  chromiumProfile: string;
  serverLog: string;
}

export type WorkspaceTrust = 'disabled' | 'restricted';

/**
 * User settings that keep a fresh profile quiet (no welcome page, telemetry, update checks or
 * walkthroughs popping up over the editor under test). With trust `restricted`, trust stays
 * enabled and the folder is opened untrusted without the startup dialog: restricted mode.
 */
export function userSettings(trust: WorkspaceTrust): Record<string, unknown> {
  return {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'git.enabled': false,
    'security.workspace.trust.enabled': trust === 'restricted',
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.emptyWindow': false,
  };
}

/** Creates the folders under `root` (user data and extensions where the caller's CLI flags put them). */
export function createThrowawayProfile(root: string, trust: WorkspaceTrust, dirs: { userDataDir?: string; extensionsDir?: string } = {}): ThrowawayProfile {
  const profile: ThrowawayProfile = {
    root,
    home: path.join(root, 'home'),
    userDataDir: dirs.userDataDir ?? path.join(root, 'user-data'),
    extensionsDir: dirs.extensionsDir ?? path.join(root, 'extensions'),
    chromiumProfile: path.join(root, 'chromium'),
    serverLog: path.join(root, 'code-server.log'),
  };
  for (const dir of [profile.home, profile.extensionsDir, profile.chromiumProfile, path.join(profile.userDataDir, 'User')]) {
    mkdirSync(dir, { recursive: true });
  }
  writeFileSync(path.join(profile.userDataDir, 'User', 'settings.json'), `${JSON.stringify(userSettings(trust), null, 2)}\n`);
  return profile;
}

/** Environment for code-server: the throwaway HOME and XDG folders instead of the developer's. */
export function profileEnvironment(profile: ThrowawayProfile): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOME: profile.home,
    XDG_CONFIG_HOME: path.join(profile.home, '.config'),
    XDG_DATA_HOME: path.join(profile.home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(profile.home, '.cache'),
    XDG_STATE_HOME: path.join(profile.home, '.local', 'state'),
    // node-gyp (if code-server ever builds anything) must keep using the local headers once HOME moved.
    npm_config_nodedir: process.env.npm_config_nodedir || '/usr',
  };
}
