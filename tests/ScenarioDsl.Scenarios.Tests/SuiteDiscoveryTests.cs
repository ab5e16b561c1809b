using System.Reflection;
using ScenarioDsl.Runtime.Generated;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ScenarioDsl.Scenarios.Tests;

/// <summary>
/// xunit's own theory discovery over the generated <c>Suites.X.Cases</c>: the rows (each a <c>Suites.X.Case</c>,
/// which is an <c>EmpsScenario&lt;S&gt;</c>) are serializable, so xunit makes one test case per suite case (what a
/// test explorer lists) instead of one theory with all rows inside, and each survives the serialization a runner
/// applies between discovery and execution.
/// </summary>
public sealed class SuiteDiscoveryTests
{
    public static TheoryData<string, int> SuiteTheories => new()
    {
        { nameof(StudentSuiteTests.Every_case_keeps_the_state_in_the_space_with_every_agent), Suites.StudentSuite.All.Count },
        { nameof(StudentSuiteTests.The_aligned_agent_does_at_least_as_well_as_the_generic_baseline), Suites.StudentSuite.All.Count },
        { nameof(LibrarySuiteTests.Brief_benchmark_cases_stay_in_the_wellbeing_space), Suites.BriefBenchmark.All.Count },
        { nameof(LibrarySuiteTests.Empa_cases_are_scored_with_epm_and_deficits_never_go_positive), Suites.EmpaSuite.All.Count },
    };

    [Theory]
    [MemberData(nameof(SuiteTheories))]
    public void Xunit_discovers_one_test_case_per_suite_case(string method, int cases)
    {
        var (testCases, diagnostics) = Discover(method);

        Assert.Empty(diagnostics); // no "Non-serializable data ... falling back to single test case"
        Assert.Equal(cases, testCases.Count);
        Assert.All(testCases, tc => Assert.IsNotType<XunitTheoryTestCase>(tc));
        Assert.All(testCases, tc => Assert.Single(tc.TestMethodArguments));
        Assert.Equal(cases, testCases.Select(tc => tc.UniqueID).Distinct().Count());
        // Each case is displayed by its name: HighAnxietyStudent_ReduceStress_s1 ...
        Assert.Equal(cases, testCases.Select(tc => tc.DisplayName).Distinct().Count());
    }

    [Fact]
    public void A_discovered_case_survives_serialization_and_reaches_the_method_as_the_typed_scenario()
    {
        var method = typeof(StudentSuiteTests).GetMethod(nameof(StudentSuiteTests.Every_case_keeps_the_state_in_the_space_with_every_agent))!;
        var parameterTypes = method.GetParameters().Select(p => p.ParameterType).ToArray();
        var (testCases, _) = Discover(method.Name);
        Assert.Equal(Suites.StudentSuite.All.Count, testCases.Count);
        for (int i = 0; i < testCases.Count; i++)
        {
            var expected = Suites.StudentSuite.All[i];
            Assert.Equal($"{typeof(StudentSuiteTests).FullName}.{method.Name}(scenario: {expected.Name})", testCases[i].DisplayName);

            // What a runner does between discovery and execution (in another process, for the VS adapter).
            var copy = SerializationHelper.Deserialize<IXunitTestCase>(SerializationHelper.Serialize(testCases[i]))!;
            Assert.Equal(testCases[i].UniqueID, copy.UniqueID);
            Assert.Equal(testCases[i].DisplayName, copy.DisplayName);

            // What xunit does before invoking the method: nothing to convert, the row is the method's
            // EmpsScenario<WellbeingState>, the same scenario as the suite's case.
            var argument = Assert.Single(Reflector.ConvertArguments(copy.TestMethodArguments, parameterTypes));
            var scenario = Assert.IsType<Suites.StudentSuite.Case>(argument);
            Assert.Equal(i, scenario.Index);
            Assert.Same(expected.Definition, scenario.Definition);
            Assert.Same(expected.Persona, scenario.Persona);
            Assert.Same(expected.Goal, scenario.Goal);
        }
    }

    [Theory]
    [MemberData(nameof(Suites.StudentSuite.Cases), MemberType = typeof(Suites.StudentSuite))]
    public void A_theory_can_take_the_case_type_too(Suites.StudentSuite.Case @case)
    {
        // The runner may hand over a deserialized copy (the VS adapter does): the same case, not the same object.
        Assert.Same(Suites.StudentSuite.All[@case.Index].Definition, @case.Definition);
        Assert.Equal(@case.Name, @case.ToString());
        Assert.Equal(Suites.StudentSuite.Name, @case.Suite);
    }

    private static (IReadOnlyList<IXunitTestCase> TestCases, IReadOnlyList<string> Diagnostics) Discover(string methodName)
    {
        var type = new[] { typeof(StudentSuiteTests), typeof(LibrarySuiteTests) }.Single(t => t.GetMethod(methodName) is not null);
        var assembly = new TestAssembly(Reflector.Wrap(type.Assembly));
        var testClass = new TestClass(new TestCollection(assembly, null, "discovery"), Reflector.Wrap(type));
        var testMethod = new TestMethod(testClass, Reflector.Wrap(type.GetMethod(methodName)!));
        var theory = testMethod.Method.GetCustomAttributes(typeof(TheoryAttribute)).Single();
        var sink = new DiagnosticSink();
        var testCases = new TheoryDiscoverer(sink).Discover(new DiscoveryOptions(), testMethod, theory).ToList();
        return (testCases, sink.Messages);
    }

    /// <summary>Collects xunit's diagnostic messages (the fallback to a single theory test case is one).</summary>
    private sealed class DiagnosticSink : LongLivedMarshalByRefObject, IMessageSink
    {
        public List<string> Messages { get; } = new();

        public bool OnMessage(IMessageSinkMessage message)
        {
            if (message is IDiagnosticMessage diagnostic) Messages.Add(diagnostic.Message);
            return true;
        }
    }

    /// <summary>Discovery options left at their defaults (theories are pre-enumerated).</summary>
    private sealed class DiscoveryOptions : ITestFrameworkDiscoveryOptions
    {
        public TValue GetValue<TValue>(string name) => default!;

        public void SetValue<TValue>(string name, TValue value) { }
    }
}
