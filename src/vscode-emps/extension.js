// The VS Code client of the emps language server: starts `emps lsp` on stdio for .emps files.
'use strict';

const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;

/**
 * Where `command` (the emps.server.path setting) is: itself when it names a file (a relative path is taken from the
 * first workspace folder, as the server is started there), else the first match in a PATH folder (with PATHEXT on
 * Windows); undefined when there is none.
 * @param {string} command
 */
function findCommand(command) {
  const isFile = (/** @type {string} */ file) => {
    try { return fs.statSync(file).isFile(); } catch { return false; }
  };
  const extensions = process.platform === 'win32'
    ? ['', ...(process.env.PATHEXT || '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean)]
    : [''];
  if (command.includes('/') || command.includes('\\') || path.isAbsolute(command)) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri?.fsPath;
    const file = path.resolve(folder ?? process.cwd(), command);
    return extensions.map(e => file + e).find(isFile);
  }
  for (const folder of (process.env.PATH || '').split(path.delimiter).filter(Boolean))
    for (const extension of extensions) {
      const file = path.join(folder, command + extension);
      if (isFile(file)) return file;
    }
  return undefined;
}

/** Shows an error with an "Open Settings" button that opens emps.server.path. */
function showError(/** @type {string} */ message) {
  vscode.window.showErrorMessage(message, 'Open Settings').then(choice => {
    if (choice === 'Open Settings') vscode.commands.executeCommand('workbench.action.openSettings', 'emps.server.path');
  });
}

/** Starts the server with the current settings; says clearly why when it cannot (never throws). */
async function startClient() {
  const config = vscode.workspace.getConfiguration('emps');
  const command = config.get('server.path', 'emps') || 'emps';
  const args = ['lsp', ...config.get('server.extraArgs', [])];

  if (findCommand(command) === undefined) {
    const where = command.includes('/') || command.includes('\\') ? '' : ' on PATH';
    showError(`ScenarioDsl: the emps command '${command}' was not found${where}, so the language server `
      + '(diagnostics, completion, navigation, formatting) is off. Install it with `dotnet tool install -g ScenarioDsl.Cli`, '
      + 'or set "emps.server.path" to the emps executable, then run "ScenarioDsl: Restart the language server".');
    return;
  }

  /** @type {import('vscode-languageclient/node').ServerOptions} */
  const serverOptions = {
    run: { command, args, transport: TransportKind.stdio },
    debug: { command, args, transport: TransportKind.stdio },
  };

  /** @type {import('vscode-languageclient/node').LanguageClientOptions} */
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'emps' },
      { scheme: 'untitled', language: 'emps' },
    ],
    synchronize: {
      // Unopened .emps files and the .globalconfig are part of the compilation: report disk changes.
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.emps'),
        vscode.workspace.createFileSystemWatcher('**/.globalconfig'),
      ],
    },
  };

  const started = new LanguageClient('emps', 'ScenarioDsl language server', serverOptions, clientOptions);
  try {
    await started.start();
    client = started;
  } catch (error) {
    showError(`ScenarioDsl: the language server could not start ('${[command, ...args].join(' ')}'): ${error instanceof Error ? error.message : error}. `
      + 'Check "emps.server.path" and "emps.server.extraArgs".');
  }
}

async function stopClient() {
  const running = client;
  client = undefined;
  if (running) {
    try { await running.stop(); } catch { /* it had stopped already */ }
  }
}

/** @param {vscode.ExtensionContext} context */
async function activate(context) {
  const restart = async () => {
    await stopClient();
    await startClient();
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('emps.restartServer', restart),
    // The server's command and arguments are read when it starts: a change restarts it. (emps.trace.server is read
    // by the client library itself, live.)
    vscode.workspace.onDidChangeConfiguration(event => {
      if (event.affectsConfiguration('emps.server')) return restart();
      return undefined;
    }),
    // A .globalconfig above the workspace folder sets severities too, but no file watcher reaches it: when one is
    // saved in the editor, tell the server as a watcher would (docs/editor.md, publishDiagnostics).
    vscode.workspace.onDidSaveTextDocument(document => {
      const uri = document.uri;
      if (!client || uri.scheme !== 'file' || path.basename(uri.fsPath) !== '.globalconfig') return undefined;
      if (vscode.workspace.getWorkspaceFolder(uri)) return undefined; // watched already
      return client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri.toString(), type: 2 }] });
    }));
  await startClient();
}

function deactivate() {
  return stopClient();
}

module.exports = { activate, deactivate, findCommand };
