using ScenarioDsl.Language.Diagnostics;
using ScenarioDsl.Language.Syntax;

namespace ScenarioDsl.Language.Binding;

// In progress: the binder lands in a following commit.
internal static class Binder
{
    public static BindingResult Bind(IReadOnlyList<SyntaxTree> trees) =>
        new(BoundModel.Empty, trees.SelectMany(t => t.Diagnostics).ToList(),
            new SemanticIndex(Array.Empty<SymbolDefinition>(), Array.Empty<SymbolReference>()));
}
