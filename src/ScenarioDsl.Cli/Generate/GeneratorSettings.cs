namespace ScenarioDsl.Cli.Generate;

/// <summary>What the options of a build would tell the generator.</summary>
/// <param name="Namespace">The <c>EmpsNamespace</c> MSBuild property; null (or blank) for none, which gives the global namespace.</param>
/// <param name="Xunit">Whether the compilation references xunit v2's <c>Xunit.Abstractions.IXunitSerializable</c>.</param>
public sealed record GeneratorSettings(string? Namespace, bool Xunit);
