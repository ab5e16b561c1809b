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
}
