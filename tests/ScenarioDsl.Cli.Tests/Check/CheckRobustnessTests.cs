using System.Text;
using System.Text.Json;
using CsCheck;
using ScenarioDsl.Cli.Tests.Infrastructure;

namespace ScenarioDsl.Cli.Tests.Check;

/// <summary>Whatever the files hold, <c>emps check</c> answers with diagnostics, never a crash or a usage error.</summary>
public sealed class CheckRobustnessTests
{
    private static readonly string[] Tokens =
    [
        "space", "persona", "goal", "scenario", "suite", "cues", "in", "on", "when", "says", "start", "target",
        "shift", "{", "}", "[", "]", ",", ":", "=>", "+=", "-=", "<=", ">", "1", "-0.5", "1e999", "\"text\"",
        "\"open", "/*", "*/", "//", "\n", "\r\n", " ", "\t", "x", "Wellbeing", "@", "é", "\uFEFF",
    ];

    private static readonly Gen<byte[]> TokenSoup =
        Gen.Int[0, Tokens.Length - 1].Select(i => Tokens[i]).Array[0, 60].Select(parts => Encoding.UTF8.GetBytes(string.Concat(parts)));

    private static readonly Gen<byte[]> AnyFile = Gen.OneOf(TokenSoup, Gen.Byte.Array[0, 200]);

    [Fact]
    public void Random_files_give_valid_json_with_positions_inside_the_files()
    {
        AnyFile.Array[1, 3].Sample(files =>
        {
            using var folder = new TempFolder();
            var lineCounts = new Dictionary<string, int>();
            for (int i = 0; i < files.Length; i++)
            {
                folder.Write($"f{i}.emps", files[i]);
                lineCounts[$"f{i}.emps"] = CountLines(files[i]);
            }

            var result = folder.Run("check", ".", "--format", "json");

            Assert.True(result.ExitCode is 0 or 1, result.ToTranscript());
            using var json = JsonDocument.Parse(result.Out);
            foreach (var d in json.RootElement.EnumerateArray())
            {
                int lines = lineCounts[d.GetProperty("file").GetString()!];
                Assert.InRange(d.GetProperty("line").GetInt32(), 1, lines);
                Assert.InRange(d.GetProperty("endLine").GetInt32(), d.GetProperty("line").GetInt32(), lines);
                Assert.True(d.GetProperty("column").GetInt32() >= 1);
            }
        }, iter: 300);
    }

    private static int CountLines(byte[] bytes)
    {
        string text = new UTF8Encoding(false, false).GetString(bytes);
        return text.Replace("\r\n", "\n").Split('\n', '\r').Length;
    }
}
