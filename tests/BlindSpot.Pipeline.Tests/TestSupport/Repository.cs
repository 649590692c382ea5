namespace BlindSpot.Pipeline.Tests.TestSupport;

/// <summary>Where the repository is, found from the test binaries by walking up to BlindSpot.sln.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "BlindSpot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No BlindSpot.sln above {TestContext.CurrentContext.TestDirectory}.");
    }
}
