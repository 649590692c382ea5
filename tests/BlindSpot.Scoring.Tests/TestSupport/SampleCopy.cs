namespace BlindSpot.Scoring.Tests.TestSupport;

/// <summary>Copies a committed folder (sample-data, models) into a test's temporary folder, so runs never write into the repository.</summary>
internal static class SampleCopy
{
    public static void Copy(string source, string target)
    {
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to, overwrite: true);
        }
    }
}
