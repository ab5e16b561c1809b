namespace ScenarioDsl.Runtime.Definitions;

/// <summary>A signed change of one dimension (<c>-= x</c> is an amount of <c>-x</c>).</summary>
public sealed record Effect(int Dimension, double Amount);
