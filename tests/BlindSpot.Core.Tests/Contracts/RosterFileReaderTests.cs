using BlindSpot.Core.Contracts;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using Parquet;
using Parquet.Schema;

namespace BlindSpot.Core.Tests.Contracts;

public sealed class RosterFileReaderTests
{
    private string directory = null!;

    private string RosterPath => Path.Combine(directory, "2026Q3.parquet");

    [SetUp]
    public void SetUp() => directory = Directory.CreateTempSubdirectory("blindspot-roster-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(directory, recursive: true);

    [Test]
    public async Task ReadAsync_TwoRowGroups_EachGroupIntoTheCallersBuffer()
    {
        await WriteAsync(RosterPath, [[0x10, 0x11, 0x12], [0x20, 0x21]], [["11110", "11110", "11140"], ["26110", "26110"]]);
        await using var reader = await RosterFileReader.OpenAsync(RosterPath, [RosterPath], [RosterColumns.PersonKey, RosterColumns.SigunguCode], CancellationToken.None);
        var keys = new long[reader.People];
        var codes = new List<string>();
        var offset = 0;

        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroup(g);
            await group.ReadAsync(RosterColumns.PersonKey, keys.AsMemory(offset), CancellationToken.None);
            var text = new ReadOnlyMemory<char>[reader.LargestRowGroup];
            await group.ReadAsync(RosterColumns.SigunguCode, text.AsMemory(), CancellationToken.None);
            codes.AddRange(text.Take(group.Rows).Select(t => t.ToString()));
            offset += group.Rows;
        }

        Assert.Multiple(() =>
        {
            Assert.That(reader.People, Is.EqualTo(5));
            Assert.That(reader.LargestRowGroup, Is.EqualTo(3));
            Assert.That(keys, Is.EqualTo(new long[] { 0x10, 0x11, 0x12, 0x20, 0x21 }));
            Assert.That(codes, Is.EqualTo(new[] { "11110", "11110", "11140", "26110", "26110" }));
        });
    }

    [Test]
    public async Task OpenAsync_ColumnMissing_NamesFileAndColumn()
    {
        await WriteAsync(RosterPath, [[1]], [["11110"]]);

        var error = Assert.ThrowsAsync<InvalidDataException>(() => RosterFileReader.OpenAsync(RosterPath, [RosterPath], [RosterColumns.PersonKey, RosterColumns.Status], CancellationToken.None));

        Assert.That(error!.Message, Does.StartWith(RosterPath).And.Contain("no column 'status'"));
    }

    [Test]
    public void OpenAsync_NoBucketFile_SaysToIngest()
    {
        var root = new DataRoot(Path.GetDirectoryName(RosterPath)!);
        var quarter = Quarter.Parse("2026Q3");

        var error = Assert.ThrowsAsync<FileNotFoundException>(() => RosterFileReader.OpenAsync(root, quarter, [RosterColumns.PersonKey], CancellationToken.None));

        Assert.That(error!.Message, Does.StartWith(root.RosterFolder(quarter)).And.Contain("blindspot ingest"));
    }

    [Test]
    public async Task ReadAsync_ColumnNotNamedAtOpen_Throws()
    {
        await WriteAsync(RosterPath, [[1]], [["11110"]]);
        await using var reader = await RosterFileReader.OpenAsync(RosterPath, [RosterPath], [RosterColumns.PersonKey], CancellationToken.None);
        using var group = reader.OpenRowGroup(0);

        Assert.ThrowsAsync<ArgumentException>(() => group.ReadAsync(RosterColumns.SigunguCode, new ReadOnlyMemory<char>[1].AsMemory(), CancellationToken.None));
    }

    [Test]
    public async Task ReadAsync_ThreeBuckets_RowGroupsInTheRostersGlobalOrder()
    {
        // Bucket files as ingestion writes them: one 시군구 per row group, named in the metadata; bucket 2 holds no 11140.
        var files = new[] { Bucket(0), Bucket(1), Bucket(2) };
        await WriteAsync(files[0], [[0x10], [0x11], [0x12]], [["11110"], ["11140"], ["26110"]], tagged: true);
        await WriteAsync(files[1], [[0x20, 0x21], [0x22]], [["11110", "11110"], ["11140"]], tagged: true);
        await WriteAsync(files[2], [[0x30], [0x31]], [["11110"], ["26110"]], tagged: true);
        await using var reader = await RosterFileReader.OpenAsync(directory, files, [RosterColumns.PersonKey], CancellationToken.None);

        var keys = new List<long>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroup(g);
            var buffer = new long[group.Rows];
            await group.ReadAsync(RosterColumns.PersonKey, buffer.AsMemory(), CancellationToken.None);
            keys.AddRange(buffer);
        }

        Assert.Multiple(() =>
        {
            Assert.That(reader.People, Is.EqualTo(8));
            Assert.That(reader.LargestRowGroup, Is.EqualTo(2));
            Assert.That(keys, Is.EqualTo(new long[] { 0x10, 0x20, 0x21, 0x30, 0x11, 0x22, 0x12, 0x31 }), "each 시군구, bucket after bucket");
        });
    }

    [Test]
    public async Task OpenAsync_SeveralBucketsOneUntagged_NamesTheFile()
    {
        var files = new[] { Bucket(0), Bucket(1) };
        await WriteAsync(files[0], [[0x10]], [["11110"]], tagged: true);
        await WriteAsync(files[1], [[0x20]], [["11110"]], tagged: false);

        var error = Assert.ThrowsAsync<InvalidDataException>(() => RosterFileReader.OpenAsync(directory, files, [RosterColumns.PersonKey], CancellationToken.None));

        Assert.That(error!.Message, Does.StartWith(files[1]).And.Contain(BucketLayout.RowGroupSigunguKey));
    }

    private string Bucket(int bucket)
    {
        var folder = Path.Combine(directory, BucketLayout.BucketFolderName(bucket));
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, BucketLayout.PartFileName);
    }

    /// <summary>A roster cut to two columns, one row group per entry, enough for the reader's contract.</summary>
    private static async Task WriteAsync(string path, long[][] keys, string[][] sigungu, bool tagged = false)
    {
        var key = new DataField<long>(RosterColumns.PersonKey, false);
        var code = new DataField<string>(RosterColumns.SigunguCode, false);
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(key, code), stream);
        for (var g = 0; g < keys.Length; g++)
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(key, (ReadOnlyMemory<long>)keys[g]);
            await group.WriteAsync(code, sigungu[g]);
        }

        if (tagged)
        {
            writer.CustomMetadata = new Dictionary<string, string> { [BucketLayout.RowGroupSigunguKey] = string.Join(',', sigungu.Select(s => s[0])) };
        }
    }
}
