namespace BlindSpot.Scoring.Tests.TestSupport;

/// <summary>The repository checkout the tests run from (the folder holding BlindSpot.sln), for the committed sample and models.</summary>
internal static class RepositoryFolder
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BlindSpot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("BlindSpot.sln not found above the test directory.");
    }
}
