using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ScenarioDsl.Llm.Cassettes;

/// <summary>
/// The content hash of a whole chat request: the SHA-256 (lower-case hex) of its canonical JSON, which holds
/// a format version, every message (role, then each content's kind and text) and every option that can change
/// the answer (model, instructions, temperature, top-p, top-k, penalties, max output tokens, seed, stop
/// sequences, response format, tool names). Credentials and endpoints are never part of a request, so never
/// part of a key or a cassette.
/// </summary>
public static class RequestKey
{
    /// <summary>Bumped when the canonical form changes (old cassettes then miss instead of answering wrongly).</summary>
    public const int FormatVersion = 1;

    public static string Compute(IEnumerable<ChatMessage> messages, ChatOptions? options) =>
        Hash(CanonicalJson(messages, options));

    public static string Hash(string canonicalJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJson)));

    /// <summary>The canonical JSON of a request (compact, fixed property order, invariant numbers).</summary>
    public static string CanonicalJson(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteRequest(json, messages, options);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    internal static void WriteRequest(Utf8JsonWriter json, IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        json.WriteStartObject();
        json.WriteNumber("v", FormatVersion);
        json.WriteStartObject("options");
        if (options is not null)
        {
            String(json, "model", options.ModelId);
            String(json, "instructions", options.Instructions);
            Number(json, "temperature", options.Temperature);
            Number(json, "topP", options.TopP);
            if (options.TopK is { } topK) json.WriteNumber("topK", topK);
            Number(json, "frequencyPenalty", options.FrequencyPenalty);
            Number(json, "presencePenalty", options.PresencePenalty);
            if (options.MaxOutputTokens is { } max) json.WriteNumber("maxOutputTokens", max);
            if (options.Seed is { } seed) json.WriteNumber("seed", seed);
            if (options.StopSequences is { Count: > 0 } stops)
            {
                json.WriteStartArray("stop");
                foreach (var stop in stops) json.WriteStringValue(stop);
                json.WriteEndArray();
            }
            switch (options.ResponseFormat)
            {
                case ChatResponseFormatJson format:
                    json.WriteStartObject("responseFormat");
                    json.WriteString("kind", "json");
                    String(json, "schemaName", format.SchemaName);
                    if (format.Schema is { } schema)
                    {
                        json.WritePropertyName("schema");
                        schema.WriteTo(json);
                    }
                    json.WriteEndObject();
                    break;
                case ChatResponseFormatText:
                    json.WriteString("responseFormat", "text");
                    break;
            }
            if (options.Tools is { Count: > 0 } tools)
            {
                json.WriteStartArray("tools");
                foreach (var tool in tools) json.WriteStringValue(tool.Name);
                json.WriteEndArray();
            }
        }
        json.WriteEndObject();
        json.WriteStartArray("messages");
        foreach (var message in messages)
        {
            json.WriteStartObject();
            json.WriteString("role", message.Role.Value);
            json.WriteStartArray("contents");
            foreach (var content in message.Contents)
            {
                json.WriteStartObject();
                switch (content)
                {
                    case TextContent text:
                        json.WriteString("text", text.Text);
                        break;
                    default:
                        json.WriteString("kind", content.GetType().Name);
                        json.WriteString("value", content.ToString());
                        break;
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void String(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null) json.WriteString(name, value);
    }

    private static void Number(Utf8JsonWriter json, string name, float? value)
    {
        // "R" keeps every float distinct and is culture independent.
        if (value is { } v) json.WriteString(name, v.ToString("R", CultureInfo.InvariantCulture));
    }
}
