using System.Reflection;
using ScenarioDsl.Generators.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ScenarioDsl.Generators.Tests;

/// <summary>
/// The rows of <c>Suites.X.Cases</c>: the elements of <c>All</c>, each a generated <c>Case</c> deriving from
/// <c>EmpsScenario&lt;S&gt;</c>, serializable by xunit v2 when the project references it (xunit.abstractions).
/// xunit's real discovery of such rows is tested in ScenarioDsl.Scenarios.Tests (SuiteDiscoveryTests).
/// </summary>
public sealed class SuiteCaseTests
{
    private static readonly string SpecExample = File.ReadAllText(Path.Combine(TestPaths.Scenarios, "student-under-pressure.emps"));

    private static Type SuiteType(Assembly assembly) => assembly.GetType(GeneratorHarness.Namespace + ".Suites+StudentSuite")!;

    private static object[] Rows(Type suite) =>
        ((IEnumerable<object[]>)suite.GetProperty("Cases")!.GetValue(null)!).Select(row => Assert.Single(row)).ToArray();

    private static IReadOnlyList<object> All(Type suite) =>
        ((System.Collections.IEnumerable)suite.GetProperty("All")!.GetValue(null)!).Cast<object>().ToList();

    private static IXunitSerializable Empty(Type caseType) => (IXunitSerializable)Activator.CreateInstance(caseType)!;

    private static string Name(object scenario) => (string)scenario.GetType().GetProperty("Name")!.GetValue(scenario)!;

    [Fact]
    public void With_xunit_referenced_every_row_is_a_serializable_case_of_All()
    {
        var output = GeneratorHarness.Generate("/s.emps", SpecExample);
        GeneratorHarness.AssertCompilesClean(output);
        var suite = SuiteType(output.Load());
        var caseType = suite.GetNestedType("Case")!;
        Assert.True(typeof(IXunitSerializable).IsAssignableFrom(caseType));
        Assert.Equal("EmpsScenario`1", caseType.BaseType!.Name);
        Assert.NotNull(caseType.GetConstructor(Type.EmptyTypes)); // xunit's deserializer creates it empty

        var rows = Rows(suite);
        var all = All(suite);
        Assert.Equal(10, rows.Length);
        for (int i = 0; i < rows.Length; i++)
        {
            Assert.Same(all[i], rows[i]);
            Assert.IsType(caseType, rows[i]);
            Assert.Equal(i, caseType.GetProperty("Index")!.GetValue(rows[i]));
            Assert.Equal(Name(rows[i]), rows[i].ToString());

            // Serialized and back into an empty case, the way xunit does it: the same case.
            var info = new SerializationInfo();
            ((IXunitSerializable)rows[i]).Serialize(info);
            Assert.Equal(i, info.Values["Index"]);
            Assert.Equal(Name(rows[i]), info.Values["Name"]);
            var copy = Empty(caseType);
            copy.Deserialize(info);
            Assert.Equal(i, caseType.GetProperty("Index")!.GetValue(copy));
            Assert.Equal(Name(rows[i]), Name(copy));
            foreach (var member in new[] { "Definition", "Persona", "Goal" })
                Assert.Same(caseType.GetProperty(member)!.GetValue(rows[i]), caseType.GetProperty(member)!.GetValue(copy));
        }
    }

    [Fact]
    public void A_serialized_case_that_no_longer_matches_the_suite_is_refused()
    {
        var caseType = SuiteType(GeneratorHarness.Generate("/s.emps", SpecExample).Load()).GetNestedType("Case")!;
        foreach (var (index, name) in new[] { (0, "HighAnxietyStudent_ReduceStress_s2"), (10, "HighAnxietyStudent_ReduceStress_s1"), (-1, "") })
        {
            var info = new SerializationInfo();
            info.AddValue("Index", index);
            info.AddValue("Name", name);
            var e = Assert.Throws<InvalidOperationException>(() => Empty(caseType).Deserialize(info));
            Assert.Contains("Suite StudentSuite has no case", e.Message);
        }

        // An empty case never deserialized has no scenario; a deserialized one is not set twice.
        var empty = Empty(caseType);
        var thrown = Assert.Throws<TargetInvocationException>(() => caseType.GetProperty("Definition")!.GetValue(empty));
        Assert.IsType<InvalidOperationException>(thrown.InnerException);
        Assert.Equal("", empty.ToString());
        var valid = new SerializationInfo();
        valid.AddValue("Index", 0);
        valid.AddValue("Name", "HighAnxietyStudent_ReduceStress_s1");
        empty.Deserialize(valid);
        Assert.Throws<InvalidOperationException>(() => empty.Deserialize(valid));
    }

    [Fact]
    public void Without_xunit_the_case_is_a_plain_scenario()
    {
        var output = GeneratorHarness.Generate([("/s.emps", SpecExample)], xunit: false);
        GeneratorHarness.AssertCompilesClean(output);
        var source = output.Sources.Single(s => s.HintName == "s.emps.g.cs").SourceText.ToString();
        Assert.DoesNotContain("Xunit", source);
        var suite = SuiteType(output.Load());
        var caseType = suite.GetNestedType("Case")!;
        Assert.Empty(caseType.GetInterfaces());
        Assert.Null(caseType.GetConstructor(Type.EmptyTypes));
        Assert.Equal(All(suite), Rows(suite));
        Assert.All(Rows(suite), row => Assert.IsType(caseType, row));
    }

    /// <summary>What xunit hands a serializable object: named values.</summary>
    private sealed class SerializationInfo : IXunitSerializationInfo
    {
        public Dictionary<string, object?> Values { get; } = new();

        public void AddValue(string key, object value, Type? type = null) => Values[key] = value;

        public object? GetValue(string key, Type type) => Values[key];

        public T GetValue<T>(string key) => (T)Values[key]!;
    }
}
