using System.Diagnostics;
using ScenarioDsl.Language.Binding;

namespace ScenarioDsl.Generators.Pipeline;

/// <summary>
/// Turns the bound model into the generated files (one per .emps file, its declarations' emit models in source
/// order, and the cue list). The binder decides what is valid: a
/// declaration flagged <c>HasErrors</c> is skipped, and the binder already flags everything that depends on
/// a broken declaration (a persona in a broken space, a scenario of a broken goal, a suite with one broken
/// case). Nothing else is checked here: what the binder guarantees for a declaration without errors (names
/// that make distinct, legal C# identifiers, references that resolve to declarations without errors, one
/// space per scenario or suite, dimension indexes in range...) is only asserted, in Debug builds
/// (<see cref="Assume"/>).
/// </summary>
internal static class EmitModelBuilder
{
    /// <summary>
    /// What the previous build made, by the identity of what it was made from: the binder keeps the symbol objects of
    /// unchanged declarations across compilations, so after a one-file edit almost every model (and every file of
    /// unchanged models) is the previous object again. Roslyn then compares the new files with the old by reference,
    /// and an edit allocates for the edited file only. Reuse is decided by identity and equal inputs only, so a build
    /// that finds nothing to reuse (another project, another namespace) makes the same models anew. A few memos are
    /// kept (several projects in one compiler process); a build takes the one whose key is its model's first declaration, owns
    /// it while it runs (a concurrent build of the same files starts without one), and puts its own back.
    /// </summary>
    private sealed class Memo
    {
        public readonly Dictionary<object, EmitModel> Models;
        public readonly Dictionary<SpaceModel, (EquatableArray<string> Identifiers, EquatableArray<RangeModel> Ranges)> Constants = new(IdentityComparer.Instance);
        public EmitFile? Cues;

        /// <summary>The files and working tables, handed from each build to the next (<see cref="FileTable"/>).</summary>
        public FileTable? Files;

        /// <summary>The model's first declaration (its symbol), by which the next build of the same files finds this memo.</summary>
        public object? Key;

        /// <summary>The memo before this one, emptied: the next build fills it (its tables keep their capacity).</summary>
        public Memo? Spare;

        /// <summary>An empty memo, sized like <paramref name="like"/> (the previous build of the same files).</summary>
        public Memo(Memo? like) => Models = new(like?.Models.Count ?? 0, IdentityComparer.Instance);

        public void Clear()
        {
            Models.Clear();
            Constants.Clear();
            Cues = null;
            Files = null;
            Key = null;
            Spare = null;
        }
    }

    /// <summary>
    /// One .emps file as the builds see it, kept from build to build: its declarations of the current build (the list
    /// is refilled, not made anew), and the file and hint name the last build made for it.
    /// </summary>
    private sealed class FileSlot
    {
        public FileSlot(string path)
        {
            Path = path;
            BaseHint = FileHintName(path) + ".g.cs";
        }

        public readonly string Path;

        /// <summary>The hint name as given (<c>name.emps.g.cs</c>); <see cref="Hint"/> is numbered when another file takes it.</summary>
        public readonly string BaseHint;

        public string Hint = "";

        public readonly List<(SourceLocation Location, EmitModel Model)> Declarations = new(4);

        public EmitFile? File;

        /// <summary>The build that last added a declaration to this file.</summary>
        public int Build;
    }

    /// <summary>
    /// The per-file slots and the builds' working tables. A build takes it from the previous memo and clears the tables
    /// instead of making them, so an edit that changes no file's path allocates for the edited file only; when the
    /// set of files is the one the last build saw, the path order and hint names are the last build's too.
    /// </summary>
    private sealed class FileTable
    {
        public readonly Dictionary<string, FileSlot> ByPath = new(StringComparer.Ordinal);

        /// <summary>The files of the last build, in path order, with their hint names.</summary>
        public FileSlot[] Order = [];

        public string CuesHint = "Cues.g.cs";
        public int Build;
        public readonly List<FileSlot> Touched = new();
        public readonly Dictionary<string, SpaceModel> Spaces = new(StringComparer.Ordinal);
        public readonly Dictionary<string, (EquatableArray<string> Identifiers, EquatableArray<RangeModel> Ranges)> SpaceConstants = new(StringComparer.Ordinal);
        public readonly Dictionary<string, PersonaModel> Personas = new(StringComparer.Ordinal);
        public readonly Dictionary<string, GoalModel> Goals = new(StringComparer.Ordinal);

        /// <summary>Starts a build: new build number, empty tables (their capacity kept).</summary>
        public int Begin()
        {
            Touched.Clear();
            Spaces.Clear();
            SpaceConstants.Clear();
            Personas.Clear();
            Goals.Clear();
            return ++Build;
        }

        /// <summary>Where a declaration of <paramref name="path"/> goes in the current build.</summary>
        public List<(SourceLocation Location, EmitModel Model)> FileOf(string path)
        {
            if (!ByPath.TryGetValue(path, out var slot)) ByPath.Add(path, slot = new FileSlot(path));
            if (slot.Build != Build)
            {
                slot.Build = Build;
                slot.Declarations.Clear();
                Touched.Add(slot);
            }
            return slot.Declarations;
        }

        /// <summary>
        /// The current build's files in path order with their hint names: the last build's order when it has the same
        /// files (every slot of it touched, and no other), else sorted and named anew, and the slots of files gone dropped.
        /// </summary>
        public FileSlot[] Ordered()
        {
            if (Touched.Count == Order.Length && AllTouched(Order, Build)) return Order;
            var order = Touched.ToArray();
            Array.Sort(order, static (a, b) => string.CompareOrdinal(a.Path, b.Path));
            var hints = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var slot in order) slot.Hint = Hint(slot.BaseHint, hints);
            CuesHint = Hint("Cues.g.cs", hints);
            if (ByPath.Count > order.Length)
            {
                foreach (var gone in ByPath.Values.Where(s => s.Build != Build).ToArray())
                    ByPath.Remove(gone.Path);
            }
            return Order = order;
        }

        private static bool AllTouched(FileSlot[] slots, int build)
        {
            foreach (var slot in slots)
                if (slot.Build != build) return false;
            return true;
        }
    }

    private const int MaxMemos = 4;
    private static readonly LinkedList<Memo> Memos = new();

    public static EquatableArray<EmitFile> Build(BoundModel model, EmitOptions options)
    {
        object? first = model.Spaces.Count > 0 ? model.Spaces[0] : model.Personas.Count > 0 ? model.Personas[0] : model.Goals.Count > 0 ? model.Goals[0] : null;
        Memo? previous = null;
        lock (Memos)
        {
            for (var node = Memos.First; node is not null && first is not null; node = node.Next)
            {
                if (!ReferenceEquals(node.Value.Key, first)) continue;
                previous = node.Value;
                Memos.Remove(node);
                break;
            }
        }
        var next = previous?.Spare ?? new Memo(previous);
        next.Key = first;
        previous ??= new Memo(null);
        var files = previous.Files ?? new FileTable();
        previous.Files = null;
        var result = Build(model, options, previous, next, files);
        next.Files = files;
        if (previous.Key is not null)
        {
            previous.Clear();
            next.Spare = previous;
        }
        lock (Memos)
        {
            Memos.AddFirst(next);
            while (Memos.Count > MaxMemos) Memos.RemoveLast();
        }
        return result;
    }

    /// <summary>The previous build's model of <paramref name="source"/> (a symbol), if it made one of this type.</summary>
    private static T? Previous<T>(Memo previous, object source) where T : EmitModel =>
        previous.Models.TryGetValue(source, out var old) ? old as T : null;

    private static EquatableArray<EmitFile> Build(BoundModel model, EmitOptions options, Memo previous, Memo next, FileTable table)
    {
        string ns = options.Namespace;
        table.Begin();
        // Each .emps file's declarations, in the order they are made here (sorted by position below).
        int emitted = 0;
        void Add(SourceLocation location, EmitModel item)
        {
            table.FileOf(location.Path).Add((location, item));
            emitted++;
        }

        // Spaces.
        var spaces = table.Spaces;
        // What every persona of a space repeats, made once per space (the personas share the arrays).
        var spaceConstants = table.SpaceConstants;
        var spaceIds = NewIdentifiers("Spaces");
        foreach (var space in model.Spaces)
        {
            if (space.HasErrors) continue;
            string id = IdentifierNaming.ToPascalCase(space.Name);
            string stateType = IdentifierNaming.StateTypeName(space.Name);
            var dims = space.Dimensions
                .Select(d => new DimensionModel(d.Name, IdentifierNaming.ToPascalCase(d.Name), d.Low, d.High, d.Description))
                .ToArray();
            Assume(dims.Length > 0, "a space has at least one dimension (EMPS3007)", space.Name);
            Assume(Distinct(dims.Select(d => d.Identifier)), "the dimensions of a space have distinct identifiers (EMPS2001, EMPS1003)", space.Name);
            Assume(dims.All(d => d.Identifier != stateType && !IdentifierNaming.ReservedStateMembers.Contains(d.Identifier)),
                "no dimension takes the name of its state type or of a member of it (EMPS1003)", space.Name);
            Assume(spaceIds.Add(id), "spaces have distinct identifiers, none `Spaces` (EMPS1001, EMPS1003)", space.Name);
            var item = Previous<SpaceModel>(previous, space) is { } oldSpace && oldSpace.Namespace == ns
                ? oldSpace
                : new SpaceModel(ns, space.Name, id, stateType, space.Description, dims.ToEquatableArray());
            next.Models[space] = item;
            if (!previous.Constants.TryGetValue(item, out var constants))
                constants = (dims.Select(d => d.Identifier).ToEquatableArray(), dims.Select(d => new RangeModel(d.Low, d.High)).ToEquatableArray());
            next.Constants[item] = constants;
            spaces.Add(space.Name, item);
            spaceConstants.Add(space.Name, constants);
            Add(space.Location, item);
        }

        // Cues: every declared one (the binder keeps the first of a duplicated name only).
        var cues = model.Cues
            .Where(c => !c.IsBuiltIn)
            .Select(c => new CueModel(c.Name, c.Phrases))
            .ToEquatableArray();
        Assume(Distinct(cues.Select(c => c.Name)), "cue names are distinct (EMPS1001)", "cues");

        // Personas.
        var personas = table.Personas;
        var personaIds = NewIdentifiers("Personas");
        foreach (var persona in model.Personas)
        {
            if (persona.HasErrors) continue;
            var space = Resolve(spaces, persona.Space, "the space of a persona", persona.Name);
            int n = space.Dimensions.Count;
            Assume(persona.Start.Count == n, "a persona's start gives every dimension of its space (EMPS2005, EMPS3007)", persona.Name);
            Assume(persona.Rules.All(r => r.Conditions.All(c => InRange(c.Dimension, n)) && r.Effects.All(e => InRange(e.Dimension, n)))
                && persona.Says.All(s => s.Conditions.All(c => InRange(c.Dimension, n))),
                "rules and says lines name dimensions of the persona's space (EMPS2003)", persona.Name);
            Assume(personaIds.Add(IdentifierNaming.ToPascalCase(persona.Name)), "personas have distinct identifiers, none `Personas` (EMPS1001, EMPS1003)", persona.Name);
            var (identifiers, ranges) = spaceConstants[persona.Space];
            var item = Previous<PersonaModel>(previous, persona) is { } old && old.Namespace == ns && old.StateType == space.StateType
                && old.SpaceIdentifier == space.Identifier && old.DimensionIdentifiers.Equals(identifiers) && old.Ranges.Equals(ranges)
                ? old
                : new PersonaModel(ns, IdentifierNaming.ToPascalCase(persona.Name), space.StateType, space.Identifier, identifiers, ranges, persona);
            next.Models[persona] = item;
            personas.Add(persona.Name, item);
            Add(persona.Location, item);
        }

        // Goals.
        var goals = table.Goals;
        var goalIds = NewIdentifiers("Goals");
        foreach (var goal in model.Goals)
        {
            if (goal.HasErrors) continue;
            var space = Resolve(spaces, goal.Space, "the space of a goal", goal.Name);
            Assume(goal.Components.Count > 0, "a goal constrains at least one dimension (EMPS3005)", goal.Name);
            Assume(goal.Components.All(c => InRange(c.Dimension, space.Dimensions.Count)), "a goal names dimensions of its space (EMPS2003)", goal.Name);
            Assume(goal.Turns >= 1, "a goal allows at least one turn (EMPS3001)", goal.Name);
            Assume(goalIds.Add(IdentifierNaming.ToPascalCase(goal.Name)), "goals have distinct identifiers, none `Goals` (EMPS1001, EMPS1003)", goal.Name);
            var item = Previous<GoalModel>(previous, goal) is { } old && old.Namespace == ns && old.StateType == space.StateType && old.SpaceIdentifier == space.Identifier
                ? old
                : new GoalModel(ns, IdentifierNaming.ToPascalCase(goal.Name), space.StateType, space.Identifier, goal);
            next.Models[goal] = item;
            goals.Add(goal.Name, item);
            Add(goal.Location, item);
        }

        (PersonaModel Persona, GoalModel Goal) Pair(string persona, string goal, string owner)
        {
            var p = Resolve(personas, persona, "a persona of a scenario or suite", owner);
            var g = Resolve(goals, goal, "a goal of a scenario or suite", owner);
            Assume(p.StateType == g.StateType, "a scenario's or suite's personas and goals are in one space (EMPS2006)", owner);
            return (p, g);
        }

        int runnable = emitted;

        // Scenarios.
        var scenarioIds = NewIdentifiers("Scenarios");
        foreach (var scenario in model.Scenarios)
        {
            if (scenario.HasErrors) continue;
            var (p, g) = Pair(scenario.Persona, scenario.Goal, scenario.Name);
            Assume(scenarioIds.Add(IdentifierNaming.ToPascalCase(scenario.Name)), "scenarios have distinct identifiers, none `Scenarios` (EMPS1001, EMPS1003)", scenario.Name);
            var item = Previous<ScenarioModel>(previous, scenario) is { } old && old.Namespace == ns && old.StateType == p.StateType
                && old.PersonaIdentifier == p.Identifier && old.GoalIdentifier == g.Identifier
                ? old
                : new ScenarioModel(ns, scenario.Name, IdentifierNaming.ToPascalCase(scenario.Name), p.StateType, p.Identifier, g.Identifier, scenario.Seed);
            next.Models[scenario] = item;
            Add(scenario.Location, item);
        }

        // Suites: one state type for the whole suite.
        var suiteIds = NewIdentifiers("Suites");
        foreach (var suite in model.Suites)
        {
            if (suite.HasErrors) continue;
            var cases = new List<SuiteCaseModel>();
            string? stateType = null;
            foreach (var c in suite.Cases())
            {
                var (p, g) = Pair(c.Persona, c.Goal, suite.Name);
                Assume(stateType is null || stateType == p.StateType, "a suite's personas and goals are in one space (EMPS2006)", suite.Name);
                stateType = p.StateType;
                cases.Add(new SuiteCaseModel(c.Name, p.Identifier, g.Identifier, c.Seed));
            }
            string id = IdentifierNaming.ToPascalCase(suite.Name);
            Assume(stateType is not null, "a suite has at least one persona and one goal (EMPS3007)", suite.Name);
            Assume(!IdentifierNaming.ReservedSuiteMembers.Contains(id) && suiteIds.Add(id),
                "suites have distinct identifiers, none `Suites` nor a member of the suite class (EMPS1001, EMPS1003)", suite.Name);
            Add(suite.Location, new SuiteModel(ns, suite.Name, id, stateType!, cases.ToEquatableArray(), options.XunitSerializable));
        }

        // Files in path order (so a numbered hint name is deterministic), declarations in source order.
        var ordered = table.Ordered();
        var files = new EmitFile[ordered.Length + (emitted > runnable ? 1 : 0)];
        for (int f = 0; f < ordered.Length; f++)
        {
            var slot = ordered[f];
            var list = slot.Declarations;
            // Insertion sort by position: a file has few declarations, often already in order, and equal positions
            // (which the binder never produces) keep their order.
            for (int i = 1; i < list.Count; i++)
            {
                var item = list[i];
                int j = i - 1;
                for (; j >= 0 && Before(item.Location, list[j].Location); j--) list[j + 1] = list[j];
                list[j + 1] = item;
            }
            if (slot.File is not { } old || old.HintName != slot.Hint || old.Namespace != ns || !SameObjects(old.Declarations, list))
            {
                var declarations = new EmitModel[list.Count];
                for (int i = 0; i < declarations.Length; i++) declarations[i] = list[i].Model;
                slot.File = new EmitFile(slot.Hint, ns, new EquatableArray<EmitModel>(declarations));
            }
            files[f] = slot.File;
        }

        // The cue list is emitted whenever anything can reference it.
        if (emitted > runnable)
        {
            string hint = table.CuesHint;
            var file = previous.Cues is { } old && old.HintName == hint && old.Namespace == ns && ((CuesModel)old.Declarations[0]).Cues.Equals(cues)
                ? old
                : new EmitFile(hint, ns, new EmitModel[] { new CuesModel(ns, cues) }.ToEquatableArray());
            next.Cues = file;
            files[files.Length - 1] = file;
        }
        return new EquatableArray<EmitFile>(files);
    }

    private static bool Before(SourceLocation a, SourceLocation b) => a.Line < b.Line || (a.Line == b.Line && a.Column < b.Column);

    /// <summary>True when the previous file holds exactly these model objects, in this order.</summary>
    private static bool SameObjects(EquatableArray<EmitModel> a, List<(SourceLocation Location, EmitModel Model)> b)
    {
        if (a.Count != b.Count) return false;
        for (int i = 0; i < b.Count; i++)
            if (!ReferenceEquals(a[i], b[i].Model)) return false;
        return true;
    }

    /// <summary>Object identity, for the memo's keys (netstandard2.0 has no <c>ReferenceEqualityComparer</c>).</summary>
    private sealed class IdentityComparer : IEqualityComparer<object>
    {
        public static readonly IdentityComparer Instance = new();

        public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

        public int GetHashCode(object obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }

    /// <summary>
    /// The hint name as given (<c>name.g.cs</c>), or numbered (<c>name.2.g.cs</c>) when taken: Roslyn compares hint names case-insensitively, so
    /// <c>a.emps</c> in two folders, or <c>A.emps</c> beside <c>a.emps</c>, would otherwise collide.
    /// </summary>
    private static string Hint(string hint, HashSet<string> taken)
    {
        if (taken.Add(hint)) return hint;
        string name = hint.Substring(0, hint.Length - ".g.cs".Length);
        for (int i = 2; ; i++)
        {
            string numbered = name + "." + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".g.cs";
            if (taken.Add(numbered)) return numbered;
        }
    }

    /// <summary>
    /// The .emps file's name (<c>student-under-pressure.emps</c>) without its folders (either separator), every character
    /// other than a letter, a digit or one of <c>.,-+`_()[]{}</c> replaced by <c>_</c> (Roslyn allows identifier
    /// characters and those in hint names, and a space except before a separator: spaces become <c>_</c> too).
    /// </summary>
    internal static string FileHintName(string path)
    {
        int slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        string name = path.Substring(slash + 1);
        var chars = name.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            char c = chars[i];
            if (!char.IsLetterOrDigit(c) && ".,-+`_()[]{}".IndexOf(c) < 0) chars[i] = '_';
        }
        return chars.Length == 0 ? "_" : new string(chars);
    }

    /// <summary>
    /// Asserts what the binder guarantees for a declaration without errors. Like <see cref="Debug.Assert(bool)"/>
    /// it is compiled only into Debug builds of the generator; unlike it, it throws instead of failing fast, so a
    /// broken guarantee in a Debug build ends as the compiler's CS8785 ("generator failed") naming the declaration
    /// and the guarantee, and the test harness (which asserts no generator exception) reports it.
    /// </summary>
    [Conditional("DEBUG")]
    internal static void Assume(bool condition, string guarantee, string declaration)
    {
        if (!condition) throw new InvalidOperationException($"The bound model breaks a binder guarantee at '{declaration}': {guarantee}.");
    }

    /// <summary>A declaration a declaration without errors refers to: the binder guarantees it was emitted.</summary>
    private static T Resolve<T>(Dictionary<string, T> emitted, string name, string what, string declaration)
    {
        Assume(emitted.ContainsKey(name), what + " is declared without errors (EMPS1002, or flagged HasErrors)", declaration);
        return emitted[name];
    }

    /// <summary>
    /// The identifiers of one generated container, its own name taken. Only <see cref="Assume"/> arguments add to
    /// it, so it stays empty in Release builds, where those arguments are not evaluated.
    /// </summary>
    private static HashSet<string> NewIdentifiers(string container) => new(StringComparer.Ordinal) { container };

    private static bool Distinct(IEnumerable<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return names.All(seen.Add);
    }

    private static bool InRange(int index, int count) => index >= 0 && index < count;
}
