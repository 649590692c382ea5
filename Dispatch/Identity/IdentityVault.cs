using System.IO.Compression;
using System.Text;
using BlindSpot.Core.Keys;
using CsvHelper;

namespace BlindSpot.Dispatch.Identity;

/// <summary>
/// Reads the restricted identity vault (<c>identity/&lt;Q&gt;/identity.csv</c>, or <c>.csv.gz</c>) and keeps only the people
/// dispatch asks for, found by pseudonymising each resident number with the same key ingestion used. Nobody else's
/// identity leaves this reader.
/// </summary>
internal static class IdentityVault
{
    private static readonly string[] Columns = ["resident_no", "household_no", "name", "address", "phone"];

    public static Dictionary<long, IdentityRecord> Read(string csvPath, IReadOnlySet<long> wanted, Pseudonymizer pseudonymizer)
    {
        var found = new Dictionary<long, IdentityRecord>(wanted.Count);
        if (wanted.Count == 0)
        {
            return found;
        }

        Scan(csvPath, pseudonymizer, key => wanted.Contains(key), (key, record) =>
        {
            found[key] = record;
            return found.Count < wanted.Count;
        });
        return found;
    }

    /// <summary>
    /// Reads the vault once, handing every row whose person key <paramref name="wanted"/> accepts to <paramref name="take"/>,
    /// until it returns false; the rows of everyone else are never materialised.
    /// </summary>
    public static void Scan(string csvPath, Pseudonymizer pseudonymizer, Func<long, bool> wanted, Func<long, IdentityRecord, bool> take)
    {
        var vault = Open(csvPath);
        using var file = vault.File;
        using var stream = vault.Stream;
        using var csv = vault.Csv;
        var index = vault.Index;
        Span<char> number = stackalloc char[32];
        while (csv.Read())
        {
            var raw = csv.GetSpan(index[0]);
            var length = Encoding.ASCII.GetChars(raw[..Math.Min(raw.Length, number.Length)], number);
            var key = pseudonymizer.Person(number[..length]).Value;
            if (wanted(key) && !take(key, new IdentityRecord(number[..length].ToString(), Text(csv, index[1]), Text(csv, index[2]), Text(csv, index[3]), Text(csv, index[4]))))
            {
                return;
            }
        }
    }

    /// <summary>
    /// Opens the vault (<c>.csv</c> or <c>.csv.gz</c>) and finds its columns: resident_no, household_no, name, address,
    /// phone, at the returned indexes in that order. The caller disposes csv, then stream, then file.
    /// </summary>
    internal static (string Path, FileStream File, Stream Stream, CsvReader Csv, int[] Index) Open(string csvPath)
    {
        var path = File.Exists(csvPath) ? csvPath : File.Exists(csvPath + ".gz") ? csvPath + ".gz"
            : throw new FileNotFoundException($"{csvPath}: the quarter's identity vault is missing; dispatch cannot name the people it selects.", csvPath);
        var file = File.OpenRead(path);
        Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        var csv = CsvReader.Create(stream, CsvReaderOptions.Default with { HasHeader = true, Mode = CsvMode.Rfc4180, AllowLineBreaksInQuotes = true, Encoding = Encoding.UTF8 }, leaveOpen: true);
        var headers = csv.Headers.ToList();
        var index = Columns.Select(c => headers.IndexOf(c)).ToArray();
        if (index.Any(i => i < 0))
        {
            csv.Dispose();
            stream.Dispose();
            file.Dispose();
            throw new InvalidDataException($"{path}: the vault's header must have {string.Join(", ", Columns)}; it has {string.Join(", ", headers)}.");
        }

        return (path, file, stream, csv, index);
    }

    internal static string Text(CsvReader csv, int index) => Encoding.UTF8.GetString(csv.GetSpan(index));
}
