#!/usr/bin/env bash
# Package test for the `ScenarioDsl` NuGet package (generator + analyzer + runtime), usable from CI:
#  1. packs ScenarioDsl.Language, ScenarioDsl.Runtime and ScenarioDsl with a fresh version into a local
#     folder feed;
#  2. restores a throwaway console project from that feed (PackageReference, not ProjectReference; the
#     fresh version cannot come from anywhere else), builds it with TreatWarningsAsErrors and runs it;
#  3. adds a broken .emps file and asserts `dotnet build` fails with `broken.emps(line,col): error EMPS....`, also
#     when C# names the broken declaration's type (the compiler then runs no analyzer: the generator reports errors);
#  4. checks .globalconfig severities and TreatWarningsAsErrors on an EMPS2008 warning;
#     copies of a file in hidden files and folders, bin/, obj/ and node_modules/ are not compiled;
#  5. removes an .emps file (a plain build must fail: its types are gone) and adds it back with an old
#     timestamp (a plain build must compile it again), then the EnableDefaultEmpsItems=false opt-out.
# Usage: .ci/package-test.sh [WORKDIR]   (exit 0 = all checks passed)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${1:-$(mktemp -d)}"
VERSION="0.1.0-ci.$(date -u +%Y%m%d%H%M%S).$$"
FEED="$WORK/feed"
APP="$WORK/consumer"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$FEED" "$APP"

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }
cleanup() {
  # Packages of this throwaway version must not linger in the global packages folder.
  local cache="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
  rm -rf "$cache/scenariodsl/$VERSION" "$cache/scenariodsl.runtime/$VERSION" "$cache/scenariodsl.language/$VERSION"
}
trap cleanup EXIT

step "pack $VERSION into $FEED"
for project in src/ScenarioDsl.Language src/ScenarioDsl.Runtime generators/ScenarioDsl.Package; do
  dotnet pack "$ROOT/$project" -c Release -o "$FEED" -p:Version="$VERSION" -nologo -v:q >"$WORK/pack.log" 2>&1 \
    || { cat "$WORK/pack.log"; fail "pack $project"; }
done
unzip -l "$FEED/ScenarioDsl.$VERSION.nupkg" > "$WORK/contents.txt"
for entry in analyzers/dotnet/cs/ScenarioDsl.Generators.dll analyzers/dotnet/cs/ScenarioDsl.Language.dll \
             analyzers/dotnet/cs/Sprache.dll buildTransitive/ScenarioDsl.props; do
  grep -q "$entry" "$WORK/contents.txt" || fail "package lacks $entry"
done

step "throwaway consumer in $APP"
# The local feed is added to the machine's sources (no <clear/>).
cat > "$APP/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="scenariodsl-local" value="$FEED" />
  </packageSources>
</configuration>
XML
cat > "$APP/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <RootNamespace>Consumer</RootNamespace>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <GenerateDocumentationFile>true</GenerateDocumentationFile>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="ScenarioDsl" Version="$VERSION" />
  </ItemGroup>
</Project>
XML
mkdir -p "$APP/scenarios"
cp "$ROOT/scenarios/student-under-pressure.emps" "$APP/scenarios/"
cat > "$APP/Program.cs" <<'CS'
using Consumer;
using ScenarioDsl.Runtime.Agents;

var result = Scenarios.StudentUnderPressure.Run(new AlignedAgent());
Console.WriteLine($"turns={result.Turns} converged={result.Converged} distress={result.Trajectory[^1].Distress:F3}");
int cases = 0;
foreach (var row in Suites.StudentSuite.Cases) cases += row.Length;
Console.WriteLine($"cases={cases} start={Personas.HighAnxietyStudent.Start.Distress}");
return result.Converged && result.Trajectory[^1].Distress <= 0.4 && cases == 10 ? 0 : 3;
CS

step "restore, build (warnings are errors) and run"
dotnet build "$APP" -nologo >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; fail "consumer build"; }
grep -q "scenariodsl/$VERSION\|ScenarioDsl.$VERSION\|$VERSION" "$APP/obj/project.assets.json" || fail "ScenarioDsl $VERSION not restored from the feed"
dotnet run --project "$APP" --no-build | tee "$WORK/run.log"
grep -q "converged=True" "$WORK/run.log" || fail "consumer run"

step "a broken .emps file fails the build on its line"
printf 'space Broken {\n  calm [1, 0]\n}\n' > "$APP/broken.emps"
if dotnet build "$APP" -nologo >"$WORK/broken.log" 2>&1; then cat "$WORK/broken.log"; fail "build with a broken .emps succeeded"; fi
grep -E "broken\.emps\(2,[0-9]+\): error EMPS2002" "$WORK/broken.log" || { cat "$WORK/broken.log"; fail "no 'broken.emps(2,col): error EMPS2002'"; }
# C# that names the broken space's type: the compiler then stops at the C# declaration error before it runs
# analyzers, so the .emps error must come from the generator to be printed at all.
printf 'namespace Consumer;\npublic static class UsesBroken\n{\n    public static BrokenState State;\n}\n' > "$APP/UsesBroken.cs"
if dotnet build "$APP" -nologo >"$WORK/broken-cs.log" 2>&1; then cat "$WORK/broken-cs.log"; fail "build with a broken .emps and C# naming its type succeeded"; fi
grep -q "error CS0246" "$WORK/broken-cs.log" || { cat "$WORK/broken-cs.log"; fail "no CS0246 for the missing BrokenState"; }
grep -E "broken\.emps\(2,[0-9]+\): error EMPS2002" "$WORK/broken-cs.log" || { cat "$WORK/broken-cs.log"; fail "the .emps error is not printed beside the C# declaration error"; }
rm "$APP/UsesBroken.cs"
# An error the generator reports takes its .globalconfig severity like any other (the project builds with
# TreatWarningsAsErrors, so it is switched off for this one build).
printf 'is_global = true\ndotnet_diagnostic.EMPS2002.severity = warning\n' > "$APP/.globalconfig"
dotnet build "$APP" -nologo -p:TreatWarningsAsErrors=false >"$WORK/broken-warn.log" 2>&1 || { cat "$WORK/broken-warn.log"; fail "EMPS2002 configured as a warning still failed the build"; }
grep -E "broken\.emps\(2,[0-9]+\): warning EMPS2002" "$WORK/broken-warn.log" || { cat "$WORK/broken-warn.log"; fail "EMPS2002 not reported as a warning under .globalconfig"; }
rm "$APP/broken.emps" "$APP/.globalconfig"

step "EMPS2008 warning: TreatWarningsAsErrors and .globalconfig severities"
cat > "$APP/unreachable.emps" <<'EMPS'
persona Stuck in Wellbeing {
  start { autonomy: 0, relatedness: 0, competence: 0, distress: 0.5 }
  says "..."
}
scenario StuckScenario { persona Stuck goal ReduceStress }
EMPS
if dotnet build "$APP" -nologo >"$WORK/warn-as-error.log" 2>&1; then cat "$WORK/warn-as-error.log"; fail "EMPS2008 did not fail a TreatWarningsAsErrors build"; fi
grep -E "unreachable\.emps\([0-9]+,[0-9]+\): error EMPS2008" "$WORK/warn-as-error.log" || { cat "$WORK/warn-as-error.log"; fail "EMPS2008 not reported as an error"; }

dotnet build "$APP" -nologo -p:TreatWarningsAsErrors=false >"$WORK/warn.log" 2>&1 || { cat "$WORK/warn.log"; fail "build with an EMPS2008 warning failed"; }
grep -E "unreachable\.emps\([0-9]+,[0-9]+\): warning EMPS2008" "$WORK/warn.log" || { cat "$WORK/warn.log"; fail "EMPS2008 warning not printed"; }

printf 'is_global = true\ndotnet_diagnostic.EMPS2008.severity = none\n' > "$APP/.globalconfig"
dotnet build "$APP" -nologo >"$WORK/none.log" 2>&1 || { cat "$WORK/none.log"; fail ".globalconfig severity none did not silence EMPS2008"; }
grep -q "EMPS2008" "$WORK/none.log" && fail "EMPS2008 still reported with severity none"

printf 'is_global = true\ndotnet_diagnostic.EMPS2008.severity = error\n' > "$APP/.globalconfig"
if dotnet build "$APP" -nologo -p:TreatWarningsAsErrors=false >"$WORK/error.log" 2>&1; then cat "$WORK/error.log"; fail ".globalconfig severity error did not fail the build"; fi
grep -E "unreachable\.emps\([0-9]+,[0-9]+\): error EMPS2008" "$WORK/error.log" || { cat "$WORK/error.log"; fail "EMPS2008 not an error under .globalconfig"; }
rm "$APP/.globalconfig" "$APP/unreachable.emps"

step "copies in hidden files and folders, bin/, obj/ and node_modules/ are not compiled (as emps check skips them)"
mkdir -p "$APP/.drafts" "$APP/node_modules/pkg" "$APP/scenarios/bin" "$APP/scenarios/obj"
for copy in "$APP/.draft.emps" "$APP/.drafts/copy.emps" "$APP/node_modules/pkg/copy.emps" "$APP/scenarios/bin/copy.emps" "$APP/scenarios/obj/copy.emps"; do
  cp "$APP/scenarios/student-under-pressure.emps" "$copy"
done
dotnet build "$APP" -nologo >"$WORK/skipped.log" 2>&1 || { cat "$WORK/skipped.log"; fail "a copy in a skipped place was compiled (duplicate declarations)"; }
grep -q "EMPS1001" "$WORK/skipped.log" && { cat "$WORK/skipped.log"; fail "EMPS1001 from a copy in a skipped place"; }
rm -rf "$APP/.draft.emps" "$APP/.drafts" "$APP/node_modules" "$APP/scenarios/bin" "$APP/scenarios/obj"

step "removing an .emps file, then adding it back with an old timestamp, rebuilds (plain incremental builds)"
dotnet build "$APP" -nologo >"$WORK/again.log" 2>&1 || { cat "$WORK/again.log"; fail "rebuild before removing a file"; }
mv "$APP/scenarios/student-under-pressure.emps" "$WORK/"
if dotnet build "$APP" -nologo >"$WORK/removed.log" 2>&1; then fail "the build after removing the .emps file succeeded: its types were left in place"; fi
grep -qE "error CS(0103|0117|0234|0246)" "$WORK/removed.log" || { cat "$WORK/removed.log"; fail "the build after removing the .emps file failed for another reason"; }
touch -d 2020-01-01 "$WORK/student-under-pressure.emps"
mv "$WORK/student-under-pressure.emps" "$APP/scenarios/"
dotnet build "$APP" -nologo >"$WORK/readded.log" 2>&1 || { cat "$WORK/readded.log"; fail "a file added back with an old timestamp was not compiled"; }

step "EnableDefaultEmpsItems=false removes the .emps files (the generated types disappear)"
if dotnet build "$APP" -nologo --no-incremental -p:EnableDefaultEmpsItems=false >"$WORK/optout.log" 2>&1; then fail "opt-out still generated the types"; fi
grep -qE "error CS(0103|0246)" "$WORK/optout.log" || { cat "$WORK/optout.log"; fail "opt-out failed for another reason"; }

printf '\nPackage test passed (ScenarioDsl %s).\n' "$VERSION"
