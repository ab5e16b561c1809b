namespace ScenarioDsl.LanguageServer.Workspace;

/// <summary>
/// Converts between LSP document URIs and the paths the compilation uses. <c>file:</c> URIs
/// become local paths; any other URI (<c>untitled:</c>) is used as its own path.
/// </summary>
public static class DocumentUris
{
    public static string ToPath(string uri)
    {
        if (Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile)
            return Path.GetFullPath(parsed.LocalPath);
        return uri;
    }

    public static string FromPath(string path) =>
        Path.IsPathRooted(path) ? new Uri(path).AbsoluteUri : path;
}
