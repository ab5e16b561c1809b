'use strict';

const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const { loadExtension, folderWithCommand } = require('./fakes');

test('changing emps.server.path or extraArgs restarts the server with the new settings', async () => {
  const first = folderWithCommand('emps');
  const second = folderWithCommand('emps');
  const { extension, context, state, changeSettings } = loadExtension({ 'server.path': first.file });
  await extension.activate(context);

  await changeSettings({ 'server.path': second.file, 'server.extraArgs': ['--diagnostics-delay', '5'] });

  assert.strictEqual(state.clients.length, 2);
  assert.ok(state.clients[0].stopped, 'the old server is stopped');
  assert.strictEqual(state.clients[1].serverOptions.run.command, second.file);
  assert.deepStrictEqual(state.clients[1].serverOptions.run.args, ['lsp', '--diagnostics-delay', '5']);
  assert.ok(state.clients[1].started);

  await changeSettings({ 'trace.server': 'verbose' }); // read by the client itself: no restart
  assert.strictEqual(state.clients.length, 2);
});
