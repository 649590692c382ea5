using System.Text;

namespace BlindSpot.Pipeline.Tests.TestSupport;

/// <summary>Reads what a test compares from a worklist CSV file: each row's worklist id and masked resident number.</summary>
internal static class WorklistCsv
{
    private const int IdColumn = 0;
    private const int MaskedResidentNumberColumn = 8;

    public static IEnumerable<string> IdAndPerson(string path) =>
        File.ReadLines(path, Encoding.UTF8).Skip(1).Where(l => l.Length > 0).Select(Fields).Select(f => $"{f[IdColumn]} {f[MaskedResidentNumberColumn]}");

    // Enough CSV for the leading columns: commas inside double quotes, "" as an escaped quote.
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
