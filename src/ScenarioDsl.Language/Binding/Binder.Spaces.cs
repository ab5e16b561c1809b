using ScenarioDsl.Language.Diagnostics;
using ScenarioDsl.Language.Syntax;

namespace ScenarioDsl.Language.Binding;

internal sealed partial class Binder
{
    private SpaceSymbol[] BindSpaces()
    {
        var result = new SpaceSymbol[_spaces.Count];
        int n = 0;
        foreach (var declared in _spaces.Values)
        {
            var (space, tree) = ((SpaceDeclarationSyntax)declared.Syntax, declared.Tree);
            string name = declared.Name;
            string stateType = IdentifierNaming.StateTypeName(name);
            var dimensions = new List<DimensionSymbol>();
            var seen = new Dictionary<string, DimensionSyntax>(StringComparer.Ordinal);
            var identifiers = new Dictionary<string, string>(StringComparer.Ordinal);
            bool hasErrors = false;
            // A member that failed to parse (skipped): some dimension could not be read.
            bool incomplete = false;
            // The sum of the squared widths so far (the space's diagonal, squared): every distance the sandbox
            // measures in the space is at most the diagonal, so all of them are finite while this sum is.
            double squaredWidths = 0;
            bool diagonalReported = false;

            foreach (var member in space.Members)
            {
                if (member is not DimensionSyntax dim)
                {
                    incomplete = true;
                    continue;
                }
                string dimName = dim.Name.Text;
                if (seen.ContainsKey(dimName))
                {
                    Report(DiagnosticCatalogue.DuplicateDimension, tree, dim.Name.Span, dimName, name);
                    hasErrors = true;
                    continue;
                }
                seen[dimName] = dim;

                string identifier = IdentifierNaming.ToPascalCase(dimName);
                if (identifiers.TryGetValue(identifier, out var other))
                {
                    Report(DiagnosticCatalogue.IdentifierCollision, tree, dim.Name.Span, "dimension", other, "dimension", dimName, identifier);
                    hasErrors = true;
                }
                else if (identifier == stateType)
                {
                    Report(DiagnosticCatalogue.IdentifierCollision, tree, dim.Name.Span, "dimension", dimName, "the state type of space", name, identifier);
                    hasErrors = true;
                }
                else if (IdentifierNaming.ReservedStateMembers.Contains(identifier))
                {
                    Report(DiagnosticCatalogue.IdentifierCollision, tree, dim.Name.Span, "dimension", dimName, "the generated member", identifier, identifier);
                    hasErrors = true;
                }
                identifiers[identifier] = dimName;

                double lo = dim.Low.NumberValue, hi = dim.High.NumberValue;
                if (!(lo < hi) && !double.IsNaN(lo) && !double.IsNaN(hi))
                {
                    Report(DiagnosticCatalogue.InvalidRange, tree, Spans.Of(dim.OpenBracket, dim.CloseBracket), dimName,
                        "empty or inverted", lo, hi, "the low end must be below the high end");
                    hasErrors = true;
                }
                else if (lo < hi)
                {
                    // Distances (scores, convergence, the aligned agent's plans) square the differences of states: beyond
                    // about 1.3e154 of width they overflow, and the scores built on them are not numbers (a width beyond
                    // the largest double, [-1e308, 1e308], also made the drift term drift * (s0 - s) overflow).
                    double square = (hi - lo) * (hi - lo);
                    if (double.IsInfinity(square))
                    {
                        Report(DiagnosticCatalogue.InvalidRange, tree, Spans.Of(dim.OpenBracket, dim.CloseBracket), dimName,
                            "unbounded", lo, hi, "its width squared is beyond the largest double; the sandbox could not measure distances in the space");
                        hasErrors = true;
                    }
                    else if (double.IsInfinity(squaredWidths += square) && !diagonalReported)
                    {
                        Report(DiagnosticCatalogue.InvalidRange, tree, Spans.Of(dim.OpenBracket, dim.CloseBracket), dimName,
                            "unbounded", lo, hi, "with the dimensions before it, the sum of the squared widths is beyond the largest double; the sandbox could not measure distances in the space");
                        diagonalReported = true;
                        hasErrors = true;
                    }
                }

                dimensions.Add(new DimensionSymbol(dimName, dimensions.Count, lo, hi, dim.Description?.StringValue));
                _definitions.Add(new SymbolDefinition(Key(SymbolKind.Dimension, dimName, name), tree.Path, dim.Name.Span, dim.Span));
            }

            if (incomplete)
            {
                // Its syntax error is reported; what names its dimensions is not checked against a list known to be partial.
                _incompleteSpaces.Add(name);
                hasErrors = true;
            }
            else if (dimensions.Count == 0)
            {
                // A dimension that is present but broken is not missing: only a body without any reports this.
                Report(DiagnosticCatalogue.MissingMember, tree, declared.NameSpan, "space", name, "dimension (a dimension is written `name [low, high]`)");
                hasErrors = true;
            }

            var symbol = new SpaceSymbol(name, space.Description?.StringValue, dimensions.ToEquatableArray(), LocationOf(tree, space.Name!.Value), hasErrors);
            // The same symbol as the last compilation's when equal: its dimensions then compare by reference in the environments.
            if (declared.BoundSpace is { } earlier && earlier.Equals(symbol)) symbol = earlier;
            else declared.BoundSpace = symbol;
            result[n++] = symbol;
        }
        return result;
    }

    // The phrases of one cue, to find repeats (phrases match case-insensitively); cleared per cue.
    private readonly HashSet<string> _phrases = new(StringComparer.OrdinalIgnoreCase);

    private List<CueSymbol> BindCues()
    {
        var result = new List<CueSymbol>(_cues.Count + 1)
        {
            new(CueSymbol.Mirroring, EquatableArray<string>.Empty, IsBuiltIn: true, default),
        };
        foreach (var entry in _cues.Values)
        {
            if (entry is null) continue;
            var (cue, tree) = (entry.Syntax, entry.Tree);
            var tokens = cue.Phrases;
            var phrases = new string[tokens.Count];
            int count = 0;
            var seen = _phrases;
            seen.Clear();
            for (int i = 0; i < tokens.Count; i++)
            {
                var token = tokens[i];
                string phrase = token.StringValue;
                if (phrase.Length == 0)
                {
                    Report(DiagnosticCatalogue.BadPhrase, tree, token.Span, $"cue '{cue.Name.Text}' has an empty phrase, which can never be detected");
                    continue;
                }
                if (string.IsNullOrWhiteSpace(phrase))
                {
                    // Matched anywhere (SPEC 2.2), white space would make the cue present in nearly every reply: a slip, not a cue.
                    Report(DiagnosticCatalogue.BadPhrase, tree, token.Span, $"cue '{cue.Name.Text}' has a phrase of white space only, which would match nearly every reply; it is left out");
                    continue;
                }
                if (!seen.Add(phrase))
                {
                    Report(DiagnosticCatalogue.BadPhrase, tree, token.Span, $"cue '{cue.Name.Text}' lists the phrase \"{phrase}\" twice (phrases match case-insensitively)");
                    continue;
                }
                phrases[count++] = phrase;
            }
            result.Add(new CueSymbol(cue.Name.Text, Exact(phrases, count), IsBuiltIn: false, LocationOf(tree, cue.Name)));
        }

        // Cue identifiers collide when two cue names map to one C# name.
        var identifiers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in _cues.Values)
        {
            if (entry is null) continue;
            string identifier = IdentifierNaming.ToPascalCase(entry.Syntax.Name.Text);
            if (identifiers.TryGetValue(identifier, out var other))
                Report(DiagnosticCatalogue.IdentifierCollision, entry.Tree, entry.Syntax.Name.Span, "cue", other, "cue", entry.Syntax.Name.Text, identifier);
            else
                identifiers[identifier] = entry.Syntax.Name.Text;
        }
        return result;
    }
}
