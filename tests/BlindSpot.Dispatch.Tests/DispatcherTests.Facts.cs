using System.Security.Cryptography;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Stages;
using BlindSpot.Dispatch.Selection;
using BlindSpot.Dispatch.Worklists;
using BlindSpot.Testing;
using static BlindSpot.Dispatch.Tests.TestSupport.DispatchScenario;

namespace BlindSpot.Dispatch.Tests;

/// <summary>
/// Dispatch's selection from ranking prefixes and per-bucket roster facts (<see cref="DispatchFacts"/>): a prefix too
/// short for the walks widens to the same lists, and a bucket's facts part is skipped while its inputs are unchanged.
/// </summary>
public sealed partial class DispatcherTests
{
    [Test]
    public async Task Dispatch_InitialPrefixOfOneRow_WidensAndWritesTheSameBytesAsTheDefault()
    {
        var scenario = await CreateAsync(root, s =>
        {
            // Exclusions the walks pass over: a deceased head, a head on benefits.
            s["가구주02"].Status = "D";
            s["가구주05"].BasicLivelihood = true;
        });
        await WriteChildFeedsAsync(scenario, ("가구원30", 3, 40), ("가구원39", 2, 30));
        var options = CohortOptions(childQuota: 5, (SchoolCohort, 3));
        options.Quotas[Variant.Household].SigunguCap = 4;

        var dispatcher = new Dispatcher(Catalog, Regions, options, Keys);
        await dispatcher.DispatchAsync(root, Quarter, new FileWorklistStore(root));
        var expected = OutputHashes();
        Assert.That(dispatcher.LastWidenings, Is.Zero, "the default prefix (three times the quota and 1,000) holds this quarter's walks");

        Directory.Delete(root.WorklistFolder(Quarter), recursive: true);
        Directory.Delete(root.DispatchWorkFolder(Quarter), recursive: true);
        File.Delete(root.PastDispatches(Quarter));
        File.Delete(root.DispatchSummary(Quarter));
        options.InitialPrefixRows = 1;
        var widened = new Dispatcher(Catalog, Regions, options, Keys);
        await widened.DispatchAsync(root, Quarter, new FileWorklistStore(root));

        Assert.That(widened.LastWidenings, Is.GreaterThan(1), "one row is short of every quota: the walks widened");
        Assert.That(widened.LastRankingRows[Variant.Child], Is.LessThan(scenario.People.Count(p => p.Age < 18)), "doubling stops once the walks are satisfied");
        Assert.That(widened.LastRankingRows[Variant.Household], Is.EqualTo(scenario.People.Count(p => p.Age >= 18)), "two 시군구 capped at 4 cannot fill 10 places: that walk reads the whole ranking");
        Assert.That(OutputHashes(), Is.EqualTo(expected), "worklists, register and summary are the default's, byte for byte");
    }

    [Test]
    public async Task RunPart_CurrentThenRosterBucketChanged_SkippedThenWrittenAgain()
    {
        var scenario = await CreateAsync(root);
        var stage = new DispatchStage(Catalog, Regions, Options(), Keys, new FileWorklistStore(root));
        var part = DispatchStage.Parts(root, Quarter).Single();
        Assert.That(part, Is.EqualTo("bucket=000"));
        var facts = Path.Combine(root.DispatchWorkFolder(Quarter), part, DispatchFacts.FactsFileName);

        var first = await stage.RunPartAsync(root, Quarter, part, CancellationToken.None);
        var written = Hash(facts);
        var second = await stage.RunPartAsync(root, Quarter, part, CancellationToken.None);
        // The roster bucket changes (a head died); the rankings do not.
        await LakeWriter.WriteRosterAsync(root, Quarter, [.. scenario.People.Select(p => new RosterPerson(p.Key, p.HouseholdKey, p.Sigungu, p.Age, IsHead: p.IsHead, Status: p.Name == "가구주01" ? "D" : p.Status))]);
        var third = await stage.RunPartAsync(root, Quarter, part, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.True, "no facts yet: written");
            Assert.That(second, Is.False, "same roster, lake and rankings: skipped");
            Assert.That(third, Is.True, "its roster bucket changed: written again");
            Assert.That(Hash(facts), Is.Not.EqualTo(written), "with the new status");
        });
    }

    [Test]
    public async Task Stage_ReduceFromParts_SkipsCurrentPartsAndListsAsInOneProcess()
    {
        await CreateAsync(root);
        var inProcess = new DispatchStage(Catalog, Regions, Options(), Keys, new FileWorklistStore(root));
        await new StageCheckpoint(TimeProvider.System).RunAsync(await new StageCheckpoint(TimeProvider.System).DecideAsync(inProcess, root, Quarter));
        var expected = OutputHashes();
        File.Delete(root.DispatchSummary(Quarter));

        var reduce = new DispatchStage(Catalog, Regions, Options(), Keys, new FileWorklistStore(root)) { FromParts = true };
        var parts = await Task.WhenAll(DispatchStage.Parts(root, Quarter).Select(p => reduce.RunPartAsync(root, Quarter, p, CancellationToken.None)));
        var decision = await new StageCheckpoint(TimeProvider.System).DecideAsync(reduce, root, Quarter);
        await new StageCheckpoint(TimeProvider.System).RunAsync(decision);

        Assert.That(parts, Is.All.False, "the in-process stage wrote the parts; the bucket jobs found them current");
        Assert.That(OutputHashes(), Is.EqualTo(expected));
    }

    [Test]
    public async Task ReadPrefix_FileNotInRankOrder_NamesFileAndRow()
    {
        await CreateAsync(root);
        var path = root.Scores(Quarter, Variant.Household);
        // Rank order reversed: row 0 holds the last rank.
        await ScoresWriter.WriteAsync(root, Quarter, Variant.Household, [new ScoreRow(1, 1, "11110", 0.9f), new ScoreRow(2, 2, "11110", 0.1f)]);
        var ordered = await ScoreFile.ReadPrefixAsync(path, 2, CancellationToken.None);
        Assert.That(ordered.Rows.Select(r => r.NationalRank), Is.EqualTo(new[] { 1, 2 }), "as written: in rank order");

        await ScoresWriter.WriteAsync(root, Quarter, Variant.Household, [new ScoreRow(1, 1, "11110", 0.1f), new ScoreRow(2, 2, "11110", 0.9f)], inRankOrder: false);
        var error = Assert.CatchAsync(() => ScoreFile.ReadPrefixAsync(path, 2, CancellationToken.None));

        Assert.That(error!.Message, Does.Contain(path).And.Contain("row 0 has national_rank 2"));
    }

    // SHA-256 of every worklist file, the register and the summary, by path relative to the root.
    private SortedDictionary<string, string> OutputHashes()
    {
        var files = Directory.GetFiles(root.WorklistFolder(Quarter), "*", SearchOption.AllDirectories).Append(root.PastDispatches(Quarter)).Append(root.DispatchSummary(Quarter));
        return new SortedDictionary<string, string>(files.ToDictionary(f => Path.GetRelativePath(root.Path, f), Hash), StringComparer.Ordinal);
    }

    private static string Hash(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
