using System.Text;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Testing;

/// <summary>Writes a small identity vault (<c>identity/&lt;Q&gt;/identity.csv</c>, UTF-8 with BOM) as the simulator does.</summary>
public static class VaultWriter
{
    public static void Write(DataRoot root, Quarter quarter, IEnumerable<(string ResidentNumber, string HouseholdNumber, string Name, string Address, string Phone)> people)
    {
        ArgumentNullException.ThrowIfNull(root);
        var path = root.IdentityVault(quarter);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = new StringBuilder("resident_no,household_no,name,address,phone\n");
        foreach (var p in people)
        {
            text.Append(p.ResidentNumber).Append(',').Append(p.HouseholdNumber).Append(',').Append(p.Name).Append(",\"").Append(p.Address.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\",").Append(p.Phone).Append('\n');
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
    }
}
