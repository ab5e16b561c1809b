namespace ScenarioDsl.Runtime.Definitions;

/// <summary>A latent space: ordered dimensions. States are <c>double</c> vectors in this order.</summary>
public sealed class SpaceDefinition
{
    public SpaceDefinition(string name, IReadOnlyList<Dimension> dimensions, string? description = null)
    {
        if (dimensions.Count == 0) throw new ArgumentException("A space needs at least one dimension.", nameof(dimensions));
        Name = name;
        Dimensions = dimensions.ToArray();
        Description = description;
    }

    public string Name { get; }

    public string? Description { get; }

    public IReadOnlyList<Dimension> Dimensions { get; }

    public int Count => Dimensions.Count;

    public int IndexOf(string dimension)
    {
        for (int i = 0; i < Dimensions.Count; i++)
            if (Dimensions[i].Name == dimension) return i;
        return -1;
    }

    public string[] DimensionNames() => Dimensions.Select(d => d.Name).ToArray();
}
