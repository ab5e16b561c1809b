namespace ScenarioDsl.Runtime.Tests.Infrastructure;

internal static class ShippedScenarios
{
    public static string Folder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "scenarios"))) dir = dir.Parent;
            return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("scenarios/ not found"), "scenarios");
        }
    }

    public static string StudentText => File.ReadAllText(Path.Combine(Folder, "student-under-pressure.emps"));
}
