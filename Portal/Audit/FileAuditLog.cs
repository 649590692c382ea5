using System.Text;
using System.Text.Json;

namespace BlindSpot.Portal.Audit;

/// <summary>
/// The embedded-mode audit log: one JSON object per line in <c>&lt;DataRoot&gt;/portal/audit.jsonl</c>, opened for append
/// only (never rewritten), one writer at a time.
/// </summary>
public sealed class FileAuditLog(string path) : IAuditLog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly SemaphoreSlim gate = new(1, 1);

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public async Task AppendAsync(AuditEntry entry, CancellationToken ct)
    {
        var line = JsonSerializer.Serialize(entry, Json) + "\n";
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            await using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
            await stream.WriteAsync(Encoding.UTF8.GetBytes(line), ct).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<IReadOnlyList<AuditEntry>> LatestAsync(int limit, CancellationToken ct)
    {
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (!File.Exists(Path))
            {
                return [];
            }

            var lines = await File.ReadAllLinesAsync(Path, ct).ConfigureAwait(false);
            return [.. lines.Where(l => l.Length > 0).Reverse().Take(limit).Select(l => JsonSerializer.Deserialize<AuditEntry>(l, Json)!)];
        }
        finally
        {
            gate.Release();
        }
    }
}
