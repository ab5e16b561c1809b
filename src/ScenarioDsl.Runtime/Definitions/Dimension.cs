namespace ScenarioDsl.Runtime.Definitions;

/// <summary>One dimension of a latent space: a name, a closed range and an optional description.</summary>
public sealed record Dimension(string Name, double Low, double High, string? Description = null)
{
    public double Clamp(double value) => value < Low ? Low : value > High ? High : value;
}
