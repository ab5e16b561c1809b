'use strict';

const test = require('node:test');
const assert = require('node:assert');
const path = require('path');
const { loadExtension, folderWithCommand } = require('./fakes');

/** A saved document as VS Code hands it to onDidSaveTextDocument. */
function saved(file, scheme = 'file') {
  return { uri: { scheme, fsPath: file, toString: () => `${scheme}://${file}` } };
}

test('saving a .globalconfig above the workspace folder tells the server, as a file watcher would', async () => {
  // No watcher reaches above the workspace folder, so the server learned of such a change only at the next open or
  // save of an .emps document.
  const emps = folderWithCommand('emps');
  const root = path.join(emps.dir, 'repo');
  const { extension, context, state } = loadExtension({ 'server.path': emps.file });
  state.workspaceFolders.push(path.join(root, 'tests'));
  await extension.activate(context);
  const [client] = state.clients;

  const above = path.join(root, '.globalconfig');
  await Promise.all(state.saveListeners.map(listener => listener(saved(above))));
  assert.deepStrictEqual(client.notifications, [{
    method: 'workspace/didChangeWatchedFiles',
    params: { changes: [{ uri: `file://${above}`, type: 2 }] },
  }]);

  // Inside the folder the watchers report it already; other files and other schemes are not the server's business here.
  await Promise.all(state.saveListeners.map(listener => listener(saved(path.join(root, 'tests', '.globalconfig')))));
  await Promise.all(state.saveListeners.map(listener => listener(saved(path.join(root, 'notes.txt')))));
  await Promise.all(state.saveListeners.map(listener => listener(saved(above, 'untitled'))));
  assert.strictEqual(client.notifications.length, 1);
});
