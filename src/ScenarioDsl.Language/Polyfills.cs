namespace ScenarioDsl.Language;

/// <summary>Members netstandard2.0 lacks.</summary>
internal static class Polyfills
{
    public static void Deconstruct<TKey, TValue>(this KeyValuePair<TKey, TValue> pair, out TKey key, out TValue value)
    {
        key = pair.Key;
        value = pair.Value;
    }
}
