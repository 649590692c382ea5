using BlindSpot.Core.Files;

namespace BlindSpot.Core.Tests.Files;

[Platform(Exclude = "Win")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PrivateFilesTests
{
    private string folder = "";

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("blindspot-private-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Create_NewFileInNewFolders_IsOwnerOnly()
    {
        var path = Path.Combine(folder, "quarantine", "2026Q3", "rejects.csv");

        using (var stream = PrivateFiles.Create(path))
        {
            stream.WriteByte(1);
        }

        Assert.Multiple(() =>
        {
            Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            Assert.That(File.GetUnixFileMode(Path.GetDirectoryName(path)!), Is.EqualTo(PrivateFiles.OwnerOnlyFolder));
        });
    }

    [Test]
    public void Create_ExistingWorldReadableFile_IsNarrowedAndTruncated()
    {
        var path = Path.Combine(folder, "history.csv");
        File.WriteAllText(path, "old content");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        PrivateFiles.WriteAllText(path, "new");

        Assert.Multiple(() =>
        {
            Assert.That(File.GetUnixFileMode(path), Is.EqualTo(PrivateFiles.OwnerOnlyFile));
            Assert.That(File.ReadAllText(path), Is.EqualTo("new"));
        });
    }

    [Test]
    public void CreateFolder_ExistingWideFolder_IsNarrowed()
    {
        var path = Path.Combine(folder, "imports");
        Directory.CreateDirectory(path);
        File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);

        PrivateFiles.CreateFolder(path);

        Assert.That(File.GetUnixFileMode(path), Is.EqualTo(PrivateFiles.OwnerOnlyFolder));
    }
}
