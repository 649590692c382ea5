using System.Xml.Linq;
using BlindSpot.Portal.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace BlindSpot.Portal.Security;

/// <summary>
/// The data-protection key ring in the portal's schema (<c>data_protection_keys</c>, migration 006), so every portal
/// instance on the database signs and reads cookies with the same keys. The framework calls it rarely (start-up, key
/// rotation) and synchronously, so it uses Npgsql's synchronous calls after the one-time migration.
/// </summary>
internal sealed class PostgresKeyRepository(PortalDatabase database) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var command = Command("SELECT xml FROM {0}.data_protection_keys ORDER BY id");
        using var reader = command.ExecuteReader();
        var keys = new List<XElement>();
        while (reader.Read())
        {
            keys.Add(XElement.Parse(reader.GetString(0)));
        }

        return keys;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var command = Command("INSERT INTO {0}.data_protection_keys (friendly_name, xml) VALUES ($1, $2)");
        command.Parameters.AddWithValue(friendlyName ?? "");
        command.Parameters.AddWithValue(element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }

    private Npgsql.NpgsqlCommand Command(string sql) =>
        // The schema is validated at start-up (lower-case letters, digits, underscores), so it can be spliced in.
        database.CommandAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, database.Schema), CancellationToken.None).GetAwaiter().GetResult();
}
