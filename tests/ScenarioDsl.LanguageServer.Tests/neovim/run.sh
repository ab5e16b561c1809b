#!/usr/bin/env bash
# Real-client test: Debian's neovim (apt-get install neovim) runs `emps lsp` with its built-in
# LSP client. Usage: run.sh  (builds the emps command; set EMPS_CMD to use another one).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
command -v nvim >/dev/null || { echo "neovim is not installed (apt-get install neovim)" >&2; exit 2; }

if [[ -z "${EMPS_CMD:-}" ]]; then
  dotnet build "$repo/src/ScenarioDsl.Cli" -c Release -v quiet -nologo >/dev/null
  EMPS_CMD="dotnet $repo/src/ScenarioDsl.Cli/bin/Release/net10.0/emps.dll"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/space.emps" <<'EMPS'
space Mood "How the persona feels" {
  calm [-1, 1] "Inner calm"
  trust [0, 1] "Trust in the agent"
}

cues {
  validation "that makes sense"
  advice "you should"
}
EMPS
cat > "$work/broken.emps" <<'EMPS'
persona Worrier in Mood {
  start { calm: -0.5, trust: 0.2 }
  on validation => clam += 0.2
  on 
  says "Hm."
}
EMPS

EMPS_CMD="$EMPS_CMD" EMPS_ROOT="$work" EMPS_OUT="$work/result.txt" \
  timeout 180 nvim --headless --clean -c "luafile $here/check.lua" >/dev/null 2>&1 || true
echo "--- neovim saw:"
cat "$work/result.txt" 2>/dev/null || { echo "no result file" >&2; exit 1; }

fail=0
expect() { grep -qE "$1" "$work/result.txt" || { echo "MISSING: $1" >&2; fail=1; }; }
expect '^diagnostic 2:19 EMPS2003 .*clam'
expect '^diagnostic [0-9]+:[0-9]+ EMPS0001 '
expect '^completion validation$'
expect '^completion advice$'
expect '^completion mirroring$'
expect '^definition space\.emps 0:6$'
if grep -q '^error' "$work/result.txt"; then fail=1; fi
[[ $fail == 0 ]] && echo "neovim real-client test: OK"
exit $fail
