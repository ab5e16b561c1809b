namespace ScenarioDsl.Cli.Generate;

/// <summary>One file the generator added: its hint name (<c>student.emps.g.cs</c>) and its text.</summary>
public sealed record GeneratedFile(string HintName, string Text);
