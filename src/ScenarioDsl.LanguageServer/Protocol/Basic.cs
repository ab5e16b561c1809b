using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScenarioDsl.LanguageServer.Protocol;

// Hand-written LSP 3.17 records: only the fields this server reads or writes. Property names are
// camelCased by the serializer options (ProtocolSerialization); nulls are not written.

/// <summary>0-based line and UTF-16 character.</summary>
public sealed record Position(int Line, int Character);

public sealed record Range(Position Start, Position End);

public sealed record Location(string Uri, Range Range);

public sealed record TextDocumentIdentifier(string Uri);

public sealed record VersionedTextDocumentIdentifier(string Uri, int Version);

public sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);

public sealed record TextEdit(Range Range, string NewText);

public sealed record MarkupContent(string Kind, string Value)
{
    public static MarkupContent Markdown(string value) => new("markdown", value);
}

public record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position);

public sealed record WorkspaceEdit(Dictionary<string, TextEdit[]> Changes);

public static class ErrorCodes
{
    public const int ServerNotInitialized = -32002;
    public const int InvalidRequest = -32600;
    public const int InvalidParams = -32602;
    public const int RequestFailed = -32803;
}

/// <summary>The serializer settings of the protocol: camelCase names, nulls omitted.</summary>
public static class ProtocolSerialization
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.PropertyNameCaseInsensitive = true;
    }

    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions();
        Configure(o);
        return o;
    }
}
