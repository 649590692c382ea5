using System.IO.Compression;

namespace BlindSpot.Scoring.Models;

/// <summary>
/// ML.NET stamps every zip entry with the wall-clock time of saving, so two saves of the same model differ in bytes.
/// Rewriting the archive with one fixed entry time makes model.zip depend on data and seed only.
/// </summary>
internal static class ModelZip
{
    /// <summary>The entry time written into every model.zip: fixed, and inside the zip format's 1980–2107 range.</summary>
    public static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Normalise(byte[] zip)
    {
        ArgumentNullException.ThrowIfNull(zip);
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = EntryTime;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }

        return output.ToArray();
    }
}
