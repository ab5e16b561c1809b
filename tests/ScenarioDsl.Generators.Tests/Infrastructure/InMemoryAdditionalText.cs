using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ScenarioDsl.Generators.Tests.Infrastructure;

internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text, System.Text.Encoding.UTF8);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
