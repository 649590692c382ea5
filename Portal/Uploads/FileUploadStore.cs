using System.Text.Json;
using BlindSpot.Core.Files;

namespace BlindSpot.Portal.Uploads;

/// <summary>Embedded-mode upload records: <c>&lt;folder&gt;/&lt;id&gt;.json</c>, the id checked to be 32 hex digits before it names a file.</summary>
public sealed class FileUploadStore(string folder) : IUploadStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SaveAsync(UploadRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        // Owner-only (0600 in a 0700 folder): a record holds worklist ids and the officer's file name.
        await using var stream = PrivateFiles.Create(PathOf(record.Id));
        await stream.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(record, Json), ct).ConfigureAwait(false);
    }

    public async Task<UploadRecord?> FindAsync(string id, CancellationToken ct)
    {
        if (!UploadRecord.IsValidId(id) || !File.Exists(PathOf(id)))
        {
            return null;
        }

        return JsonSerializer.Deserialize<UploadRecord>(await File.ReadAllBytesAsync(PathOf(id), ct).ConfigureAwait(false), Json);
    }

    public async Task<IReadOnlyList<UploadRecord>> ListAsync(string quarter, string sigunguCode, int limit, CancellationToken ct)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        // Embedded mode (one office on the sample data): reading every record is fine at its scale.
        var records = new List<UploadRecord>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.json"))
        {
            if (await FindAsync(Path.GetFileNameWithoutExtension(path), ct).ConfigureAwait(false) is { } record && record.Quarter == quarter && record.SigunguCode == sigunguCode)
            {
                records.Add(record);
            }
        }

        return [.. records.OrderByDescending(r => r.At).Take(limit)];
    }

    private string PathOf(string id) => UploadRecord.IsValidId(id)
        ? Path.Combine(folder, id + ".json")
        : throw new ArgumentException($"'{id}' is not an upload id.", nameof(id));
}
