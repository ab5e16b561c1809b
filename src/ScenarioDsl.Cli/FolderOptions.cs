using System.CommandLine;

namespace ScenarioDsl.Cli;

/// <summary>Checks shared by the options that name a folder to write or read (<c>--out</c>, <c>--record</c>, <c>--replay</c>).</summary>
internal static class FolderOptions
{
    /// <summary>
    /// Refuses an empty or blank value, which is what <c>--out "$DIR"</c> gives with the variable unset, and which
    /// <see cref="Path.GetFullPath(string, string)"/> would otherwise resolve to the current folder.
    /// </summary>
    public static Option<T> RequireFolderName<T>(this Option<T> option)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Any(token => string.IsNullOrWhiteSpace(token.Value)))
                result.AddError($"{option.Name} needs a folder name, not an empty one (use . for the current folder).");
        });
        return option;
    }
}
