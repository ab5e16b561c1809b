using ScenarioDsl.Language.Binding;

namespace ScenarioDsl.Language.Tests.Formatting;

/// <summary>A bound model with every source location cleared, so models of differently laid out files compare equal.</summary>
internal static class ModelComparison
{
    public static BoundModel WithoutLocations(BoundModel m) => new(
        Map(m.Spaces, s => s with { Location = default }),
        Map(m.Cues, c => c with { Location = default }),
        Map(m.Personas, p => p with
        {
            Location = default,
            Rules = Map(p.Rules, r => r with { Location = default }),
            Says = Map(p.Says, s => s with { Location = default }),
        }),
        Map(m.Goals, g => g with { Location = default }),
        Map(m.Scenarios, s => s with { Location = default }),
        Map(m.Suites, s => s with { Location = default }));

    private static EquatableArray<T> Map<T>(EquatableArray<T> items, Func<T, T> f) => new(items.Select(f));
}
