#!/usr/bin/env bash
# Editor tooling (issue 5): neovim for the real-client LSP test, node packages of the VS Code extension.
set -euo pipefail
if ! command -v nvim >/dev/null; then
  apt-get update -qq
  apt-get install -y -qq neovim >/dev/null
fi
nvim --version | head -1
(cd src/vscode-emps && npm ci --no-audit --no-fund)
