namespace BlindSpot.Ingestion.Lake;

/// <summary>Removes stale or partial outputs, so a failed feed leaves nothing a later stage could mistake for this run's.</summary>
internal static class OutputFiles
{
    /// <summary>Deletes <paramref name="path"/> if it exists; a missing file or folder is not an error.</summary>
    public static void Delete(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>Deletes the folder <paramref name="path"/> and everything under it, if it exists.</summary>
    public static void DeleteTree(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
