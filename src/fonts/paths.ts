// Where fonts live: the project's fonts/ folder and the operating system's font folders.
import { homedir } from 'node:os';
import { join, relative, isAbsolute } from 'node:path';

/** A path as a user would like to read it in a message: relative to the working directory when inside it. */
export function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : p;
}

/** The usual font folders of Windows, macOS and Linux (only those of the running system). */
export function defaultSystemDirs(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  const home = homedir();
  if (platform === 'win32') {
    const windir = env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows';
    const dirs = [join(windir, 'Fonts')];
    // Fonts installed "for this user only" (Windows 10 1809+) go here.
    if (env.LOCALAPPDATA) dirs.push(join(env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts'));
    return dirs;
  }
  if (platform === 'darwin') {
    return [join(home, 'Library', 'Fonts'), '/Library/Fonts', '/System/Library/Fonts'];
  }
  const dataHome = env.XDG_DATA_HOME || join(home, '.local', 'share');
  return [join(dataHome, 'fonts'), join(home, '.fonts'), '/usr/local/share/fonts', '/usr/share/fonts'];
}
