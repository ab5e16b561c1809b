// The VS Code client of the emps language server: starts `emps lsp` on stdio for .emps files.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;

/** @param {vscode.ExtensionContext} context */
async function activate(context) {
  const config = vscode.workspace.getConfiguration('emps');
  const command = config.get('server.path', 'emps');
  const args = ['lsp', ...config.get('server.extraArgs', [])];

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

  client = new LanguageClient('emps', 'ScenarioDsl language server', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('emps.restartServer', async () => {
      if (client) await client.restart();
    }));
  await client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
