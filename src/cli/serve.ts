// `gongwen serve [data-dir] [--port 8080] [--host H] [--no-open]`: the local web editor (src/serve/).
import { GongwenError, diag } from '../diagnostics.ts';
import type { Register } from './commands.ts';
import { addOptions, OPTIONS, type Flags } from './options.ts';

type ServeFlags = Flags<'variant' | 'draft'> & {
  port: string;
  host?: string;
  open: boolean;
};

function parsePort(s: string): number {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new GongwenError(diag('cli.port', { value: s }));
  }
  return n;
}

/**
 * The desktop's own opener, with the URL as an argument (no shell): nothing from the data is ever run. node:child_process
 * is loaded here, not at the top: every command registers serve, and loading it (with net and streams) cost every run.
 */
async function openBrowser(url: string): Promise<void> {
  const { spawn } = await import('node:child_process');
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['explorer.exe', [url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => process.stderr.write(`请在浏览器中打开 / open in your browser: ${url}\n`));
    child.unref();
  } catch {
    process.stderr.write(`请在浏览器中打开 / open in your browser: ${url}\n`);
  }
}

export const registerServe: Register = (program) => {
  addOptions(
    program
      .command('serve')
      .description('本地网页编辑器，实时预览 / local web editor with live preview')
      .argument('[data-dir]', '数据文件夹 / data folder', 'data'),
    OPTIONS.variant(undefined, '预览和下载的默认版式（覆盖报告中的设置） / default variant of the preview and downloads'),
    OPTIONS.draft(),
  )
    .option('-p, --port <port>', '端口 / port', '8080')
    .option('--host <address>', '监听地址（默认只监听本机 127.0.0.1） / address to listen on (default loopback only)')
    .option('--no-open', '不自动打开浏览器 / do not open the browser')
    .action(async (dataDir: string, flags: ServeFlags) => {
      // Loaded here, not at the top: other commands never pay for the server and the renderer it loads.
      const { LOOPBACK, startServer } = await import('../serve/server.ts');
      if (flags.host !== undefined && flags.host !== LOOPBACK) {
        process.stderr.write(
          `警告：正在监听 ${flags.host}，同一网络中的任何人都能打开、修改这些报告——本工具还没有账号和权限控制。\n` +
            `warning: listening on ${flags.host}; anyone on the network can open and change these reports: there are no accounts yet.\n`,
        );
      }
      let running;
      try {
        running = await startServer({ dataDir, port: parsePort(flags.port), host: flags.host, variant: flags.variant, draft: flags.draft ?? false });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE') throw new GongwenError(diag('serve.portInUse', { port: String(flags.port) }));
        if (code === 'ENOENT' || code === 'ENOTDIR') throw new GongwenError(diag('serve.noData', { dir: dataDir }));
        throw e;
      }
      // `gongwen build FILE` for a file under this data folder is built here, with the renderer already loaded.
      const { acceptBuildsUnder } = await import('../pipeline/handoff.ts');
      const handoff = await acceptBuildsUnder(running.root.dir).catch(() => undefined);
      process.stdout.write(`gongwen serve: ${running.url}  （数据 / data: ${running.root.dir}；按 Ctrl+C 停止 / Ctrl+C to stop）\n`);
      if (flags.open) await openBrowser(running.url);
      await new Promise<void>((resolve) => {
        const stop = () => void Promise.all([running.close(), handoff?.close()]).then(() => resolve());
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
};
