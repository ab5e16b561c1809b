using ScenarioDsl.Language.Diagnostics;

namespace ScenarioDsl.Language.Tests.Diagnostics;

public sealed class GlobalConfigLookupTests
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "emps-globalconfig-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void The_folders_looked_at_are_the_files_folder_then_each_one_above_it_to_the_root()
    {
        string folder = Path.Combine(_root, "a", "b");
        var folders = GlobalConfigLookup.FoldersFrom(folder).ToList();
        Assert.Equal(new[] { folder, Path.Combine(_root, "a"), _root }, folders.Take(3));
        Assert.Equal(Path.GetPathRoot(folder), folders[^1]);
        Assert.Equal(Path.Combine(folder, ".globalconfig"), GlobalConfigLookup.PathIn(folder));
    }
}
