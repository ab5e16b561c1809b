using Microsoft.Extensions.AI;
using ScenarioDsl.Llm.Cassettes;
using ScenarioDsl.Llm.Tests.Fakes;

namespace ScenarioDsl.Llm.Tests;

/// <summary>The cassette folder itself: several recorders on one folder, entries that are not what their name says.</summary>
public sealed class CassetteTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "emps-llm-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (DirectoryNotFoundException) { }
    }

    private static ChatMessage[] Ask(string text) => [new(ChatRole.System, "be kind"), new(ChatRole.User, text)];

    private static ChatOptions Options() => new() { ModelId = "m", Temperature = 0f, MaxOutputTokens = 200 };

    private static RecordingChatClient Answering(string text, Task? before = null) => new()
    {
        Reply = async (_, _, _) =>
        {
            if (before is not null) await before;
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, text));
        },
    };

    /// <summary>
    /// Two recorders on one folder (two shards recording into the same cassettes at once): both miss the same request, B's answer
    /// is written first, then A's comes back. The first answer written wins for both, and for the replay.
    /// </summary>
    [Fact]
    public async Task TwoRecordersOnOneFolderKeepTheFirstAnswerWrittenForBoth()
    {
        var releaseA = new TaskCompletionSource();
        using var a = CassetteChatClient.Record(_folder, Answering("from A", releaseA.Task));
        using var b = CassetteChatClient.Record(_folder, Answering("from B"));

        var pendingA = a.GetResponseAsync(Ask("hi"), Options());
        var answerB = await b.GetResponseAsync(Ask("hi"), Options());
        releaseA.SetResult();
        var answerA = await pendingA;
        using var replay = CassetteChatClient.Replay(_folder);
        var replayed = await replay.GetResponseAsync(Ask("hi"), Options());

        Assert.Equal("from B", answerB.Text);
        Assert.Equal("from B", answerA.Text);
        Assert.Equal("from B", replayed.Text);
        Assert.Single(Directory.GetFiles(_folder));
    }

    /// <summary>An entry copied or renamed under another request's key (a foreign file) is refused, naming the file, not served.</summary>
    [Fact]
    public async Task AnEntryUnderAnotherRequestsNameIsRefusedNotServed()
    {
        using (var recorder = CassetteChatClient.Record(_folder, Answering("the answer to one")))
            await recorder.GetResponseAsync(Ask("one"), Options());
        var entry = Directory.GetFiles(_folder).Single();
        var foreign = Path.Combine(_folder, RequestKey.Compute(Ask("two"), Options()) + ".json");
        File.Copy(entry, foreign);
        using var replay = CassetteChatClient.Replay(_folder);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => replay.GetResponseAsync(Ask("two"), Options()));

        Assert.Contains(foreign, error.Message);
        Assert.Contains("another request", error.Message);
        Assert.Equal("the answer to one", (await replay.GetResponseAsync(Ask("one"), Options())).Text);
        Assert.True(File.Exists(foreign), "the file is left for the user to look at");
    }

    /// <summary>In record mode too: the foreign entry stops the call (nothing is recorded over it).</summary>
    [Fact]
    public async Task ARecorderRefusesAForeignEntryToo()
    {
        using (var recorder = CassetteChatClient.Record(_folder, Answering("the answer to one")))
            await recorder.GetResponseAsync(Ask("one"), Options());
        var foreign = Path.Combine(_folder, RequestKey.Compute(Ask("two"), Options()) + ".json");
        File.Copy(Directory.GetFiles(_folder).Single(), foreign);
        var model = Answering("the answer to two");
        using var again = CassetteChatClient.Record(_folder, model);

        await Assert.ThrowsAsync<InvalidDataException>(() => again.GetResponseAsync(Ask("two"), Options()));

        Assert.Empty(model.Calls);
        Assert.Contains("the answer to one", File.ReadAllText(foreign));
    }
}
