namespace BlindSpot.Simulation.Tests.TestSupport;

/// <summary>Temporary folders for generated data, all under one parent deleted when the run ends.</summary>
[SetUpFixture]
public sealed class TempFolders
{
    private static readonly string Parent = Path.Combine(Path.GetTempPath(), "blindspot-sim-tests-" + Environment.ProcessId);

    public static string Create()
    {
        var path = Path.Combine(Parent, Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(path);
        return path;
    }

    [OneTimeTearDown]
    public void DeleteAll()
    {
        if (Directory.Exists(Parent))
        {
            Directory.Delete(Parent, recursive: true);
        }
    }
}
