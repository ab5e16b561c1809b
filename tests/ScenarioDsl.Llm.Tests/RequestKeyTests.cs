using Microsoft.Extensions.AI;
using ScenarioDsl.Llm.Cassettes;

namespace ScenarioDsl.Llm.Tests;

public class RequestKeyTests
{
    private static ChatMessage[] Messages(string last = "hello") =>
        [new(ChatRole.System, "be kind"), new(ChatRole.User, last)];

    private static ChatOptions Options() => new() { ModelId = "m", Temperature = 0f, MaxOutputTokens = 200, Seed = 3 };

    [Fact]
    public void EqualRequestsHaveEqualKeys()
    {
        var a = RequestKey.Compute(Messages(), Options());
        var b = RequestKey.Compute(Messages(), Options());
        Assert.Equal(a, b);
        Assert.Matches("^[0-9a-f]{64}$", a);
    }

    [Fact]
    public void EveryPartOfTheRequestChangesTheKey()
    {
        var baseline = RequestKey.Compute(Messages(), Options());
        var variants = new[]
        {
            RequestKey.Compute(Messages("hello!"), Options()),
            RequestKey.Compute([new(ChatRole.User, "be kind"), new(ChatRole.User, "hello")], Options()),
            RequestKey.Compute(Messages(), Options()),
            RequestKey.Compute(Messages(), new ChatOptions { ModelId = "other", Temperature = 0f, MaxOutputTokens = 200, Seed = 3 }),
            RequestKey.Compute(Messages(), new ChatOptions { ModelId = "m", Temperature = 0.5f, MaxOutputTokens = 200, Seed = 3 }),
            RequestKey.Compute(Messages(), new ChatOptions { ModelId = "m", Temperature = 0f, MaxOutputTokens = 100, Seed = 3 }),
            RequestKey.Compute(Messages(), new ChatOptions { ModelId = "m", Temperature = 0f, MaxOutputTokens = 200, Seed = 4 }),
            RequestKey.Compute(Messages(), new ChatOptions { ModelId = "m", Temperature = 0f, MaxOutputTokens = 200, Seed = 3, ResponseFormat = ChatResponseFormat.Json }),
            RequestKey.Compute(Messages(), null),
        };
        Assert.Equal(baseline, variants[2]);
        Assert.All(variants.Where((_, i) => i != 2), v => Assert.NotEqual(baseline, v));
        Assert.Equal(variants.Length - 1, variants.Where((_, i) => i != 2).Distinct().Count());
    }

    /// <summary>
    /// Every other option that reaches the provider and can change its answer is in the key too: reasoning effort, a
    /// server-side conversation, provider-specific properties, the tool mode and the tools' descriptions and schemas,
    /// the response schema's description, a message's author name.
    /// </summary>
    [Fact]
    public void OptionsBeyondTheSamplingOnesChangeTheKeyToo()
    {
        static ChatOptions With(Action<ChatOptions> change)
        {
            var options = Options();
            change(options);
            return options;
        }
        var schema = System.Text.Json.JsonDocument.Parse("""{"type":"object"}""").RootElement;
        var tool = AIFunctionFactory.Create((string city) => city, "weather", "the weather in a city");
        var otherTool = AIFunctionFactory.Create((string city) => city, "weather", "the weather in a country");
        var baseline = RequestKey.Compute(Messages(), Options());
        var keys = new[]
        {
            RequestKey.Compute(Messages(), With(o => o.Reasoning = new ReasoningOptions { Effort = ReasoningEffort.High })),
            RequestKey.Compute(Messages(), With(o => o.Reasoning = new ReasoningOptions { Effort = ReasoningEffort.Low })),
            RequestKey.Compute(Messages(), With(o => o.ConversationId = "conv-1")),
            RequestKey.Compute(Messages(), With(o => o.AdditionalProperties = new() { ["reasoning_effort"] = "high" })),
            RequestKey.Compute(Messages(), With(o => o.AdditionalProperties = new() { ["reasoning_effort"] = "low" })),
            RequestKey.Compute(Messages(), With(o => o.Tools = [tool])),
            RequestKey.Compute(Messages(), With(o => o.Tools = [otherTool])),
            RequestKey.Compute(Messages(), With(o => { o.Tools = [tool]; o.ToolMode = ChatToolMode.RequireAny; })),
            RequestKey.Compute(Messages(), With(o => { o.Tools = [tool]; o.AllowMultipleToolCalls = false; })),
            RequestKey.Compute(Messages(), With(o => o.ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "s", "one description"))),
            RequestKey.Compute(Messages(), With(o => o.ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "s", "another description"))),
            RequestKey.Compute([new(ChatRole.System, "be kind"), new(ChatRole.User, "hello") { AuthorName = "sam" }], Options()),
        };
        Assert.All(keys, k => Assert.NotEqual(baseline, k));
        Assert.Equal(keys.Length, keys.Distinct().Count());
        // Additional properties are keyed by content, not by insertion order.
        Assert.Equal(
            RequestKey.Compute(Messages(), With(o => o.AdditionalProperties = new() { ["a"] = 1, ["b"] = "x" })),
            RequestKey.Compute(Messages(), With(o => o.AdditionalProperties = new() { ["b"] = "x", ["a"] = 1 })));
    }

    /// <summary>A request without those options keeps its canonical form (and key), so cassettes recorded before still answer.</summary>
    [Fact]
    public void TheCanonicalFormOfAPlainRequestIsUnchanged()
    {
        Assert.Equal(
            """{"v":1,"options":{"model":"m","temperature":"0","maxOutputTokens":200,"seed":3},"messages":[{"role":"system","contents":[{"text":"be kind"}]},{"role":"user","contents":[{"text":"hello"}]}]}""",
            RequestKey.CanonicalJson(Messages(), Options()));
        var schema = System.Text.Json.JsonDocument.Parse("""{"type":"object"}""").RootElement;
        Assert.Equal(
            """{"v":1,"options":{"responseFormat":{"kind":"json","schemaName":"s","schema":{"type":"object"}}},"messages":[]}""",
            RequestKey.CanonicalJson([], new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "s") }));
    }
}
