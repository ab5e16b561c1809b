using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Cli.Input;

/// <summary>
/// Reads input files as bytes. Invalid UTF-8 is not an error here: <see cref="SourceText.FromBytes"/>
/// replaces bad sequences and the lexer reports them as diagnostics (outside comments). Such a text
/// must never be written back (the bad bytes would become U+FFFD): <c>emps fmt</c>, which reads its
/// files itself to keep a byte-order mark, leaves them unchanged (<c>FormatStatus.InvalidUtf8</c>).
/// </summary>
public static class SourceReader
{
    public static (IReadOnlyList<SourceText> Texts, IReadOnlyList<string> Errors) ReadAll(IEnumerable<InputFile> files)
    {
        var texts = new List<SourceText>();
        var errors = new List<string>();
        foreach (var file in files)
        {
            try
            {
                texts.Add(SourceText.FromBytes(file.ReadAllBytes(), file.DisplayPath));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add($"cannot read '{file.DisplayPath}': {e.Message}");
            }
        }
        return (texts, errors);
    }
}
