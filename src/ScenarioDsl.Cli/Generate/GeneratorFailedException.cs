namespace ScenarioDsl.Cli.Generate;

/// <summary>The generator threw while running; in a build this is the compiler's warning CS8785 and no generated code.</summary>
public sealed class GeneratorFailedException(Exception inner) : Exception("the generator failed: " + inner.Message, inner);
