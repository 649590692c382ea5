using System.Security.Cryptography;
using BlindSpot.Core.Hashing;

namespace BlindSpot.Core.Tests.Hashing;

public sealed class FileHashTests
{
    private string folder = null!;

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("blindspot-filehash-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Sha256_FileRewrittenWithSameLength_HashedAgain()
    {
        var path = Path.Combine(folder, "a.txt");
        File.WriteAllText(path, "aaaa");
        var first = FileHash.Sha256(path);

        File.WriteAllText(path, "bbbb");

        Assert.That(first, Is.EqualTo(Hex("aaaa")));
        Assert.That(FileHash.Sha256(path), Is.EqualTo(Hex("bbbb")), "the memo must never hide a rewrite");
    }

    [Test]
    public async Task Sha256Async_Remembered_ReturnsTheWritersHashUntilTheFileChanges()
    {
        var path = Path.Combine(folder, "b.txt");
        File.WriteAllText(path, "written");
        FileHash.Remember(path, "hash-taken-while-writing");

        var remembered = await FileHash.Sha256Async(path);
        File.AppendAllText(path, "!");

        Assert.That(remembered, Is.EqualTo("hash-taken-while-writing"));
        Assert.That(await FileHash.Sha256Async(path), Is.EqualTo(Hex("written!")));
    }

    [Test]
    public async Task Sha256AllAsync_ManyFiles_HashesInTheGivenOrder()
    {
        var paths = Enumerable.Range(0, 9).Select(i => Path.Combine(folder, $"f{i}.txt")).ToList();
        for (var i = 0; i < paths.Count; i++)
        {
            File.WriteAllText(paths[i], $"content {i}");
        }

        var hashes = await FileHash.Sha256AllAsync(paths);

        Assert.That(hashes, Is.EqualTo(Enumerable.Range(0, 9).Select(i => Hex($"content {i}"))));
    }

    [Test]
    public void Sha256_Missing_ThrowsFileNotFound() =>
        Assert.Throws<FileNotFoundException>(() => FileHash.Sha256(Path.Combine(folder, "none.txt")));

    private static string Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
