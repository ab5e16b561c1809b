namespace ScenarioDsl.Cli.Input;

/// <summary>One .emps file to read: its absolute path and the path printed in diagnostics.</summary>
public sealed record InputFile(string FullPath, string DisplayPath);
