'use strict';

const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const { loadExtension } = require('./fakes');

test('the restart command is contributed, so it shows in the command palette', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
  const { extension, context, state } = loadExtension({ 'server.path': '/no/such/emps' });
  return extension.activate(context).then(() => {
    for (const name of state.commands.keys())
      assert.ok(manifest.contributes.commands?.some(c => c.command === name), `${name} is in contributes.commands`);
  });
});
