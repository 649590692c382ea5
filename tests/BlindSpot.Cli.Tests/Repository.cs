namespace BlindSpot.Cli.Tests;

/// <summary>The checkout the tests run from: its committed models/, README files and scripts.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BlindSpot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BlindSpot.sln not found above the test directory.");
    }
}
