using ScenarioDsl.Llm.Agents;
using ScenarioDsl.Llm.Tests.Fakes;
using Microsoft.Extensions.AI;

namespace ScenarioDsl.Llm.Tests;

public class AgentPromptsTests
{
    [Fact]
    public async Task PersonaAlignedInstructionsComeFromTheDeclarations()
    {
        var client = new RecordingChatClient();
        var agent = new LlmAgent(client, new LlmAgentOptions { Model = "m", Variant = PromptVariant.PersonaAligned });
        await TestScenarios.Worrier().RunAsync(agent);
        var system = client.Calls[0].Messages[0];
        Assert.Equal(ChatRole.System, system.Role);
        var text = system.Text;
        Assert.Contains("Nurse on night shifts", text);
        Assert.Contains("neuroticism 0.7", text);
        Assert.Contains("distress 0.8 on [0, 1], high", text);
        Assert.Contains("lower distress from 0.8 to about 0.2", text);
        Assert.Contains("validation (phrases like \"that makes sense\", \"understandable\"): distress falls by 0.1, calm rises by 0.05", text);
        Assert.Contains("dismissal (phrases like \"calm down\"): distress rises by 0.2", text);
        Assert.Contains("Bring distress down", text);
        // The same instructions every turn: they depend on declarations only, never on the live state.
        Assert.All(client.Calls, call => Assert.Equal(text, call.Messages[0].Text));
    }

    [Fact]
    public async Task GenericInstructionsIgnoreThePersona()
    {
        var client = new RecordingChatClient();
        var agent = new LlmAgent(client, new LlmAgentOptions { Model = "m", Variant = PromptVariant.Generic });
        await TestScenarios.Worrier().RunAsync(agent);
        var text = client.Calls[0].Messages[0].Text;
        Assert.Equal(AgentPrompts.GenericInstructions, text);
        Assert.DoesNotContain("Nurse", text);
        Assert.DoesNotContain("distress", text);
    }

    [Fact]
    public async Task TheConversationAlternatesPersonaAsUserAndAgentAsAssistant()
    {
        var client = new RecordingChatClient();
        int n = 0;
        client.Reply = (_, _, _) => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, $"  reply {++n}\nsecond line ")));
        var agent = new LlmAgent(client, new LlmAgentOptions { Model = "my-model", Variant = PromptVariant.Generic });
        var result = await TestScenarios.Worrier().RunAsync(agent, seed: 11);

        Assert.Equal("llm:generic:my-model", result.Agent);
        Assert.Equal(result.Turns, client.Calls.Count);
        Assert.Equal("reply 1 second line", result.Messages[0].Agent);
        var last = client.Calls[^1];
        Assert.Equal([ChatRole.System, ChatRole.User, ChatRole.Assistant, ChatRole.User, ChatRole.Assistant, ChatRole.User, ChatRole.Assistant, ChatRole.User],
            last.Messages.Select(m => m.Role).ToArray());
        Assert.Equal("I keep replaying the mistake I made at work.", last.Messages[1].Text);
        Assert.Equal("reply 1 second line", last.Messages[2].Text);
        Assert.Equal(result.Messages[0].Persona, last.Messages[3].Text);
        Assert.Equal("my-model", last.Options!.ModelId);
        Assert.Equal(11, last.Options.Seed);
        Assert.Equal(0f, last.Options.Temperature);
    }

    /// <summary>Every line break folds into one space: CR, LF, and Unicode's NEL, line and paragraph separators.</summary>
    [Theory]
    [InlineData("  one\r\ntwo\n\nthree  ", "one two three")]
    [InlineData("one\u2028two\u2029three\u0085four", "one two three four")]
    [InlineData("one \u2028 two", "one two")]
    [InlineData(" \u2028\n\t ", "")]
    [InlineData("\"quoted\" 😀 stays", "\"quoted\" 😀 stays")]
    public void RepliesAreCleanedToOneLine(string reply, string expected) => Assert.Equal(expected, LlmAgent.Clean(reply));

    [Theory]
    [InlineData("generic", PromptVariant.Generic)]
    [InlineData("persona-aligned", PromptVariant.PersonaAligned)]
    [InlineData("aligned", PromptVariant.PersonaAligned)]
    public void VariantNamesParse(string name, PromptVariant expected)
    {
        Assert.True(PromptVariants.TryParse(name, out var variant));
        Assert.Equal(expected, variant);
    }
}
