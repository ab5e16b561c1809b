'use strict';

const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const { loadExtension, folderWithCommand } = require('./fakes');

test('a missing emps command is reported by name with the setting to change, and activation does not fail', async () => {
  const { extension, context, state } = loadExtension({ 'server.path': '/no/such/folder/emps' });

  await extension.activate(context);

  assert.strictEqual(state.errors.length, 1);
  const { message, items } = state.errors[0];
  assert.match(message, /\/no\/such\/folder\/emps/);
  assert.match(message, /not found/);
  assert.match(message, /emps\.server\.path/);
  assert.deepStrictEqual(items, ['Open Settings']);
  assert.ok(state.clients.every(c => !c.started), 'no client runs');
  await extension.deactivate();
});

test('a command name that is on no PATH folder is reported as missing', async () => {
  const saved = process.env.PATH;
  process.env.PATH = folderWithCommand('not-emps').dir;
  try {
    const { extension, context, state } = loadExtension({});
    await extension.activate(context);
    assert.strictEqual(state.errors.length, 1);
    assert.match(state.errors[0].message, /'emps'/);
    assert.match(state.errors[0].message, /PATH/);
  } finally {
    process.env.PATH = saved;
  }
});

test('Open Settings opens the emps.server.path setting', async () => {
  const { extension, context, state } = loadExtension({ 'server.path': '/no/such/emps' });
  state.errorAnswer = 'Open Settings';
  await extension.activate(context);
  await new Promise(resolve => setImmediate(resolve));
  assert.deepStrictEqual(state.executed, [['workbench.action.openSettings', 'emps.server.path']]);
});

test('a server that fails to start is reported clearly instead of failing activation', async () => {
  const { file } = folderWithCommand('emps');
  const { extension, context, state } = loadExtension({ 'server.path': file }, { startError: 'Launching server using command x failed. Error: spawn EACCES' });

  await extension.activate(context);

  assert.strictEqual(state.errors.length, 1);
  assert.match(state.errors[0].message, /could not start/);
  assert.match(state.errors[0].message, /EACCES/);
});

test('the command found on PATH is started with lsp and the extra arguments', async () => {
  const { dir } = folderWithCommand('emps');
  const saved = process.env.PATH;
  process.env.PATH = dir + path.delimiter + saved;
  try {
    const { extension, context, state } = loadExtension({ 'server.extraArgs': ['--diagnostics-delay', '50'] });
    await extension.activate(context);
    assert.deepStrictEqual(state.errors, []);
    assert.strictEqual(state.clients.length, 1);
    assert.strictEqual(state.clients[0].serverOptions.run.command, 'emps');
    assert.deepStrictEqual(state.clients[0].serverOptions.run.args, ['lsp', '--diagnostics-delay', '50']);
    assert.ok(state.clients[0].started);
  } finally {
    process.env.PATH = saved;
  }
});
