using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace BlindSpot.Pipeline.Tests.TestSupport;

/// <summary>
/// Finds the people of a data root's identity vaults in text: resident numbers (with or without the dash), names and
/// phone numbers, each only when it is a real vault value, so hashes and counts that merely look like numbers pass.
/// </summary>
internal sealed partial class PersonalDataScanner
{
    private readonly HashSet<string> residentNumbers = new(StringComparer.Ordinal);
    private readonly HashSet<string> names = new(StringComparer.Ordinal);
    private readonly HashSet<string> phones = new(StringComparer.Ordinal);

    public PersonalDataScanner(string dataRoot)
    {
        foreach (var vault in Directory.GetFiles(Path.Combine(dataRoot, "identity"), "identity.csv*", SearchOption.AllDirectories))
        {
            using var file = File.OpenRead(vault);
            using Stream plain = vault.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
            using var reader = new StreamReader(plain, Encoding.UTF8);
            reader.ReadLine();
            while (reader.ReadLine() is { } line)
            {
                // resident_no,household_no,name,"address, with commas",phone: the three wanted fields are unquoted.
                var fields = line.Split(',');
                residentNumbers.Add(fields[0].Replace("-", "", StringComparison.Ordinal));
                names.Add(fields[2]);
                phones.Add(fields[^1].Replace("-", "", StringComparison.Ordinal));
            }
        }
    }

    public int People => residentNumbers.Count;

    /// <summary>What of the vault <paramref name="text"/> holds, as "kind: value" (empty when nothing).</summary>
    public IEnumerable<string> Find(string text)
    {
        foreach (Match m in ResidentPattern().Matches(text))
        {
            if (residentNumbers.Contains(m.Value.Replace("-", "", StringComparison.Ordinal)))
            {
                yield return "resident number: " + m.Value;
            }
        }

        foreach (Match m in PhonePattern().Matches(text))
        {
            if (phones.Contains(m.Value.Replace("-", "", StringComparison.Ordinal)))
            {
                yield return "phone: " + m.Value;
            }
        }

        foreach (Match m in HangulWord().Matches(text))
        {
            if (names.Contains(m.Value))
            {
                yield return "name: " + m.Value;
            }
        }
    }

    [GeneratedRegex(@"(?<!\d)\d{6}-?\d{7}(?!\d)")]
    private static partial Regex ResidentPattern();

    [GeneratedRegex(@"(?<!\d)01\d-?\d{3,4}-?\d{4}(?!\d)")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"\p{IsHangulSyllables}+")]
    private static partial Regex HangulWord();
}
