using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ScenarioDsl.Llm.Cassettes;

/// <summary>
/// The content hash of a whole chat request: the SHA-256 (lower-case hex) of its canonical JSON, which holds
/// a format version, every message (role, author name, then each content's kind and text) and every option that can
/// change the answer (model, instructions, temperature, top-p, top-k, penalties, max output tokens, seed, stop
/// sequences, response format with its schema and description, tools with their descriptions and schemas, tool mode,
/// reasoning options, conversation id, additional properties). Options left unset are left out, so adding one to the
/// canonical form keeps the keys of requests without it. <see cref="ChatOptions.RawRepresentationFactory"/> is code and
/// cannot be keyed. Credentials and endpoints are never part of a request, so never part of a key or a cassette.
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
                    String(json, "schemaDescription", format.SchemaDescription);
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
                foreach (var tool in tools)
                {
                    json.WriteStartObject();
                    json.WriteString("name", tool.Name);
                    if (!string.IsNullOrEmpty(tool.Description)) json.WriteString("description", tool.Description);
                    if (tool is AIFunctionDeclaration function)
                    {
                        json.WritePropertyName("schema");
                        function.JsonSchema.WriteTo(json);
                        if (function.ReturnJsonSchema is { } returns)
                        {
                            json.WritePropertyName("returns");
                            returns.WriteTo(json);
                        }
                    }
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            switch (options.ToolMode)
            {
                case RequiredChatToolMode required:
                    json.WriteString("toolMode", "required:" + (required.RequiredFunctionName ?? "*"));
                    break;
                case NoneChatToolMode:
                    json.WriteString("toolMode", "none");
                    break;
                case AutoChatToolMode:
                    json.WriteString("toolMode", "auto");
                    break;
            }
            if (options.AllowMultipleToolCalls is { } multiple) json.WriteBoolean("allowMultipleToolCalls", multiple);
            if (options.Reasoning is { } reasoning)
            {
                json.WriteStartObject("reasoning");
                if (reasoning.Effort is { } effort) json.WriteString("effort", effort.ToString());
                if (reasoning.Output is { } output) json.WriteString("output", output.ToString());
                json.WriteEndObject();
            }
            String(json, "conversationId", options.ConversationId);
            Properties(json, "additionalProperties", options.AdditionalProperties);
        }
        json.WriteEndObject();
        json.WriteStartArray("messages");
        foreach (var message in messages)
        {
            json.WriteStartObject();
            json.WriteString("role", message.Role.Value);
            String(json, "name", message.AuthorName);
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

    /// <summary>Provider-specific properties (passed on by some providers), sorted by name; each value as JSON when it serializes.</summary>
    private static void Properties(Utf8JsonWriter json, string name, AdditionalPropertiesDictionary? properties)
    {
        if (properties is not { Count: > 0 }) return;
        json.WriteStartObject(name);
        foreach (var (key, value) in properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json.WritePropertyName(key);
            if (value is null)
            {
                json.WriteNullValue();
                continue;
            }
            JsonElement element;
            try
            {
                element = JsonSerializer.SerializeToElement(value, value.GetType(), AIJsonUtilities.DefaultOptions);
            }
            catch (Exception e) when (e is NotSupportedException or InvalidOperationException or JsonException or ArgumentException)
            {
                element = JsonSerializer.SerializeToElement(value.GetType().FullName + ":" + value);
            }
            element.WriteTo(json);
        }
        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string name, float? value)
    {
        // "R" keeps every float distinct and is culture independent.
        if (value is { } v) json.WriteString(name, v.ToString("R", CultureInfo.InvariantCulture));
    }
}
