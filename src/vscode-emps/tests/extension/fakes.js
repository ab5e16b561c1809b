// Stand-ins for the `vscode` API and `vscode-languageclient/node`, so extension.js runs under node's test runner.
'use strict';

const fs = require('fs');
const Module = require('module');
const os = require('os');
const path = require('path');

/** Loads a fresh extension.js against fresh fakes; `settings` are the `emps.*` values (keys without the prefix). */
function loadExtension(settings = {}, { startError } = {}) {
  const state = {
    settings: { ...settings },
    errors: [],
    clients: [],
    commands: new Map(),
    executed: [],
    configListeners: [],
    saveListeners: [],
    workspaceFolders: [],
    errorAnswer: undefined,
  };
  const disposable = { dispose() {} };
  const vscode = {
    workspace: {
      workspaceFolders: undefined,
      getConfiguration: (section) => ({
        get: (key, fallback) => (section === 'emps' && key in state.settings ? state.settings[key] : fallback),
      }),
      createFileSystemWatcher: () => disposable,
      onDidChangeConfiguration: (listener) => { state.configListeners.push(listener); return disposable; },
      onDidSaveTextDocument: (listener) => { state.saveListeners.push(listener); return disposable; },
      getWorkspaceFolder: (uri) => state.workspaceFolders.find(folder => uri.fsPath.startsWith(folder + path.sep)),
    },
    window: {
      showErrorMessage: (message, ...items) => { state.errors.push({ message, items }); return Promise.resolve(state.errorAnswer); },
    },
    commands: {
      registerCommand: (name, handler) => { state.commands.set(name, handler); return disposable; },
      executeCommand: (...args) => { state.executed.push(args); return Promise.resolve(); },
    },
  };
  class LanguageClient {
    constructor(id, name, serverOptions, clientOptions) {
      Object.assign(this, { id, name, serverOptions, clientOptions, started: false, stopped: false, notifications: [] });
      state.clients.push(this);
    }
    async start() {
      if (startError) throw startError;
      this.started = true;
    }
    async stop() {
      if (!this.started) throw new Error('Client is not running and can\'t be stopped.');
      this.stopped = true;
    }
    async restart() { await this.stop(); await this.start(); }
    async sendNotification(method, params) { this.notifications.push({ method, params }); }
  }
  const languageclient = { LanguageClient, TransportKind: { stdio: 0 } };

  const extensionPath = path.join(__dirname, '..', '..', 'extension.js');
  const originalLoad = Module._load;
  Module._load = function (request, parent, isMain) {
    if (request === 'vscode') return vscode;
    if (request === 'vscode-languageclient/node') return languageclient;
    return originalLoad.call(this, request, parent, isMain);
  };
  try {
    delete require.cache[require.resolve(extensionPath)];
    const extension = require(extensionPath);
    const context = { subscriptions: [] };
    return { extension, context, state, changeSettings(changes) {
      Object.assign(state.settings, changes);
      const event = { affectsConfiguration: (section) => Object.keys(changes).some(k => `emps.${k}` === section || `emps.${k}`.startsWith(section + '.')) };
      return Promise.all(state.configListeners.map(l => l(event)));
    } };
  } finally {
    Module._load = originalLoad;
  }
}

/** A new folder holding an executable `name` (a stand-in for the emps command), removed when the tests end. */
function folderWithCommand(name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-emps-'));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, process.platform === 'win32' ? name + '.cmd' : name);
  fs.writeFileSync(file, process.platform === 'win32' ? '@echo off\r\n' : '#!/bin/sh\n');
  fs.chmodSync(file, 0o755);
  return { dir, file };
}

module.exports = { loadExtension, folderWithCommand };
