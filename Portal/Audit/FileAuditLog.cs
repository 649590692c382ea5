using System.Text;
using System.Text.Json;
using BlindSpot.Core.Files;

namespace BlindSpot.Portal.Audit;

/// <summary>
/// The embedded-mode audit log: one JSON object per line in <c>&lt;DataRoot&gt;/portal/audit.jsonl</c>, opened for append
/// only (never rewritten), one writer at a time, readable by its owner only.
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
            // Owner-only (0600 in a 0700 folder): the log names officers, their 시군구 and addresses.
            await using var stream = PrivateFiles.Create(Path, bufferSize: 4096, mode: FileMode.Append);
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
