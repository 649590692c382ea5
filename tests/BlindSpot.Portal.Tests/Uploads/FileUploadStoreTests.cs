using BlindSpot.Core.Files;
using BlindSpot.Dispatch.Outcomes;
using BlindSpot.Portal.Uploads;

namespace BlindSpot.Portal.Tests.Uploads;

public sealed class FileUploadStoreTests
{
    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    [Platform(Exclude = "Win")]
    public async Task Save_Record_IsAnOwnerOnlyFileInAnOwnerOnlyFolder()
    {
        var root = Directory.CreateTempSubdirectory("blindspot-uploads-");
        var folder = Path.Combine(root.FullName, "portal", "uploads");
        var record = new UploadRecord
        {
            Id = new string('a', 32), At = DateTimeOffset.UnixEpoch, UserName = "officer-11110", Quarter = "2026Q3", SigunguCode = "11110", FileName = "결과.csv",
            Rows = [new OutcomeRowResult(2, true, null, "accepted", "2026Q3-11110-H-000001"), new OutcomeRowResult(3, false, null, "not yet worked", null) { Pending = true }],
        };
        try
        {
            var store = new FileUploadStore(folder);
            await store.SaveAsync(record, CancellationToken.None);
            var back = await store.FindAsync(record.Id, CancellationToken.None);

            Assert.That(File.GetUnixFileMode(folder), Is.EqualTo(PrivateFiles.OwnerOnlyFolder));
            Assert.That(File.GetUnixFileMode(Path.Combine(folder, record.Id + ".json")), Is.EqualTo(PrivateFiles.OwnerOnlyFile));
            Assert.That((back!.Accepted, back.Rejected, back.Pending), Is.EqualTo((1, 0, 1)));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
