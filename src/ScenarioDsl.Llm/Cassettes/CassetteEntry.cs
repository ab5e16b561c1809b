using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ScenarioDsl.Llm.Cassettes;

/// <summary>
/// One recorded call: DIR/KEY.json holding the key, the canonical request (for people reading a cassette;
/// it holds only messages and options, never a credential or an endpoint) and the response's text, model,
/// finish reason and token usage.
/// </summary>
internal static class CassetteEntry
{
    public static string FileName(string key) => key + ".json";

    /// <summary>Writes the entry unless the file already exists (then the existing entry stands and this answer is dropped).</summary>
    public static void Write(string path, string key, IEnumerable<ChatMessage> messages, ChatOptions? options, ChatResponse response)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            json.WriteStartObject();
            json.WriteString("key", key);
            json.WritePropertyName("request");
            RequestKey.WriteRequest(json, messages, options);
            json.WriteStartObject("response");
            json.WriteString("text", response.Text);
            if (response.ModelId is { } model) json.WriteString("modelId", model);
            if (response.FinishReason is { } finish) json.WriteString("finishReason", finish.Value);
            if (response.Usage is { } usage)
            {
                json.WriteStartObject("usage");
                if (usage.InputTokenCount is { } input) json.WriteNumber("inputTokens", input);
                if (usage.OutputTokenCount is { } output) json.WriteNumber("outputTokens", output);
                if (usage.TotalTokenCount is { } total) json.WriteNumber("totalTokens", total);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        // Temp file then rename: a reader never sees a half-written entry, and a killed run leaves none. Never over an
        // existing entry: another recorder on the same folder (another shard, another process) may have written this
        // request's answer meanwhile, and the first answer written is the one every caller and every replay gets.
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(temp, buffer.ToArray());
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
        }
    }

    /// <exception cref="InvalidDataException">The entry holds another request's answer (a file copied or renamed by hand).</exception>
    public static ChatResponse Read(string path, string key)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path, Encoding.UTF8));
        var response = document.RootElement.GetProperty("response");
        if (document.RootElement.GetProperty("key").GetString() is var stored && stored != key)
            throw new InvalidDataException($"the cassette entry '{path}' holds the answer to another request (key {stored}), not to this one; delete it and record again");
        var result = new ChatResponse(new ChatMessage(ChatRole.Assistant, response.GetProperty("text").GetString() ?? ""));
        if (response.TryGetProperty("modelId", out var model)) result.ModelId = model.GetString();
        if (response.TryGetProperty("finishReason", out var finish) && finish.GetString() is { } reason) result.FinishReason = new ChatFinishReason(reason);
        if (response.TryGetProperty("usage", out var usage))
        {
            result.Usage = new UsageDetails
            {
                InputTokenCount = usage.TryGetProperty("inputTokens", out var i) ? i.GetInt64() : null,
                OutputTokenCount = usage.TryGetProperty("outputTokens", out var o) ? o.GetInt64() : null,
                TotalTokenCount = usage.TryGetProperty("totalTokens", out var t) ? t.GetInt64() : null,
            };
        }
        return result;
    }
}
