using BlindSpot.Portal.Audit;

namespace BlindSpot.Portal.Tests.Audit;

public sealed class FileAuditLogTests
{
    [Test]
    public async Task Append_OnlyAddsLines_EarlierBytesStayAsTheyWere()
    {
        var folder = Directory.CreateTempSubdirectory("blindspot-audit-").FullName;
        try
        {
            var log = new FileAuditLog(Path.Combine(folder, "audit.jsonl"));
            await log.AppendAsync(Entry("first"), CancellationToken.None);
            var before = await File.ReadAllBytesAsync(log.Path);

            await log.AppendAsync(Entry("second"), CancellationToken.None);
            var after = await File.ReadAllBytesAsync(log.Path);
            var latest = await log.LatestAsync(10, CancellationToken.None);

            Assert.That(after.Take(before.Length), Is.EqualTo(before));
            Assert.That(latest.Select(e => e.Target), Is.EqualTo(new[] { "second", "first" }), "newest first");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static AuditEntry Entry(string target) => new()
    {
        At = new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero), UserName = "admin", Role = "admin", Action = AuditActions.AuditExport,
        Target = target, Client = "127.0.0.1", Outcome = "ok",
    };
}
