using BlindSpot.Pipeline.Checkpoints;
using BlindSpot.Pipeline.Tests.TestSupport;
using Hangfire;
using Hangfire.Logging;
using Hangfire.AspNetCore;
using Microsoft.Extensions.Logging;

namespace BlindSpot.Pipeline.Tests.Logging;

/// <summary>The logs of a whole sample quarter, every level, scanned for the people of the identity vault.</summary>
[NonParallelizable]
public sealed class RunLogPrivacyTests
{
    [Test]
    public async Task Run_SampleQuarter_NoLogEntryHoldsResidentNumberNameOrPhone()
    {
        var root = await SampleRoot.CopyAsync();
        using var logs = new CapturingLoggerProvider();
        await using var pipeline = new TestPipeline(root, SampleRoot.Models, logs: logs);
        // Hangfire's own lines (job failures, retries, server start) as the CLI wires them: through the same loggers.
        GlobalConfiguration.Configuration.UseLogProvider(new AspNetCoreLogProvider(pipeline.Get<ILoggerFactory>()));
        try
        {
            var (outcome, _) = await pipeline.RunAsync(SampleRoot.Quarter);
            Assert.That(outcome.Succeeded, Is.True, outcome.Error);
        }
        finally
        {
            LogProvider.SetCurrentLogProvider(null);
        }

        var scanner = new PersonalDataScanner(root);
        var entries = logs.Entries;
        var findings = entries.SelectMany(e => scanner.Find(e.AllText).Select(f => $"{f} in [{e.Category}] {e.Message}")).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(scanner.People, Is.GreaterThan(10_000), "the vaults were read");
            Assert.That(entries.Where(e => e.Category.StartsWith("Hangfire", StringComparison.Ordinal)), Is.Not.Empty, "Hangfire logs through the same loggers");
            Assert.That(
                entries.Where(e => e.EventId.Id == 1004).Select(e => e.Message.Split(' ')[0]).Distinct(),
                Is.SupersetOf(PipelineStages.Order.Where(s => s != PipelineStages.Ingest)),
                "every stage that ran logged its completion with counts");
            Assert.That(entries.Where(e => e.Category == typeof(StageRunner).FullName), Has.All.Matches<CapturedLog>(e => e.Scopes.Any(s => s.Contains("RunId=" + SampleRoot.Quarter, StringComparison.Ordinal))));
            Assert.That(findings, Is.Empty);
        });
    }

    [Test]
    public void Find_EntryNamingVaultPerson_ReportsResidentNumberNameAndPhone()
    {
        // The negative control: the scan above would fail if a stage logged a person, in a message or in a scope.
        var sample = Path.Combine(Repository.Root, "sample-data");
        var scanner = new PersonalDataScanner(sample);
        using var logs = new CapturingLoggerProvider();
        using (var factory = LoggerFactory.Create(b => b.AddProvider(logs)))
        {
            var logger = factory.CreateLogger("leak");
            using (logger.BeginScope(new Dictionary<string, object> { ["Phone"] = "010-9385-2624" }))
            {
                logger.LogWarning("Row of {Resident} ({Name}) rejected", "8809181000000", "전시호");
            }
        }

        var found = logs.Entries.SelectMany(e => scanner.Find(e.AllText)).Distinct().ToList();

        Assert.That(found, Is.SupersetOf(new[] { "resident number: 8809181000000", "name: 전시호", "phone: 010-9385-2624" }));
    }
}
