using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace ScenarioDsl.Cli;

/// <summary>
/// Parsing of numeric options with messages that name the option and the value, never a .NET type (System.CommandLine's
/// own says "as expected type 'System.Nullable`1[System.Int32]'"). Range checks stay with each option's validator.
/// </summary>
internal static class NumberOptions
{
    public static Option<int> WholeNumber(this Option<int> option)
    {
        option.CustomParser = result => ParseWhole(result, option.Name) ?? 0;
        return option;
    }

    public static Option<int?> WholeNumber(this Option<int?> option)
    {
        option.CustomParser = result => ParseWhole(result, option.Name);
        return option;
    }

    /// <summary>A whole number of at least 0: <c>--name: 'value' is not a whole number of 0 or more.</c> otherwise.</summary>
    public static Option<int> Count(this Option<int> option)
    {
        option.CustomParser = result => ParseWhole(result, option.Name, NumberStyles.None, "a whole number of 0 or more") ?? 0;
        return option;
    }

    public static Option<double?> Number(this Option<double?> option)
    {
        option.CustomParser = result =>
        {
            string text = Single(result);
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)) return value;
            result.AddError($"{option.Name}: '{text}' is not a number.");
            return null;
        };
        return option;
    }

    private static int? ParseWhole(ArgumentResult result, string name, NumberStyles styles = NumberStyles.AllowLeadingSign, string what = "a whole number")
    {
        string text = Single(result);
        if (int.TryParse(text, styles, CultureInfo.InvariantCulture, out int value)) return value;
        result.AddError(long.TryParse(text, styles, CultureInfo.InvariantCulture, out _)
            ? $"{name}: '{text}' is too large."
            : $"{name}: '{text}' is not {what}.");
        return null;
    }

    private static string Single(ArgumentResult result) => result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
}
