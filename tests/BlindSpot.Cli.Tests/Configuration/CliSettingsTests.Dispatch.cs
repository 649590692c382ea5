using System.Collections;
using BlindSpot.Cli.Configuration;
using BlindSpot.Core.Catalog;

namespace BlindSpot.Cli.Tests.Configuration;

/// <summary>Section <c>Dispatch</c>: quotas and priority bound onto Dispatch's own options, for every verb and the pipeline.</summary>
public sealed partial class CliSettingsTests
{
    [Test]
    public void Dispatch_NothingConfigured_IsTheRealVolumes()
    {
        var options = Load(new Hashtable(), "runs", "list").Dispatch();

        Assert.Multiple(() =>
        {
            Assert.That(VariantNames.All.Select(v => options.Quotas[v].Count), Is.EqualTo(VariantNames.All.Select(NationalQuota.Count)));
            Assert.That(options.Priority, Is.EqualTo(new[] { Variant.LonelyDeath, Variant.Child, Variant.Household }));
        });
    }

    [Test]
    public void Dispatch_QuotaInFileAndVariable_BindsOntoThatVariantOnly()
    {
        var file = Write("appsettings.json", """{ "Dispatch": { "Quotas": { "Child": { "Count": 40000, "SigunguCap": 500 } }, "Priority": [ "Household", "Child", "LonelyDeath" ] } }""");
        // The variable's key in upper snake case is the variant's own code: LONELY_DEATH → LonelyDeath.
        var environment = new Hashtable { ["BLINDSPOT_DISPATCH__QUOTAS__LONELY_DEATH__COUNT"] = "60000" };

        var settings = Load(environment, "dispatch", "2026Q3", "--config", file);
        var options = settings.Dispatch();

        Assert.Multiple(() =>
        {
            Assert.That(options.Quotas[Variant.Child].Count, Is.EqualTo(40_000));
            Assert.That(options.Quotas[Variant.Child].SigunguCap, Is.EqualTo(500));
            Assert.That(options.Quotas[Variant.Child].ScaleWithRoster, Is.True, "a key not given keeps its default");
            Assert.That(options.Quotas[Variant.LonelyDeath].Count, Is.EqualTo(60_000));
            Assert.That(options.Quotas[Variant.Household].Count, Is.EqualTo(NationalQuota.Count(Variant.Household)));
            Assert.That(options.Priority, Is.EqualTo(new[] { Variant.Household, Variant.Child, Variant.LonelyDeath }));
            Assert.That(settings.Pipeline().Dispatch.Quotas[Variant.Child].Count, Is.EqualTo(40_000), "the pipeline dispatches with the same options");
        });
    }

    [Test]
    public void Dispatch_NegativeQuota_NamesTheKey()
    {
        var error = Assert.Throws<SettingsException>(() => Load(new Hashtable { ["BLINDSPOT_DISPATCH__QUOTAS__CHILD__COUNT"] = "-1" }, "runs", "list").Dispatch());

        Assert.That(error!.Message, Is.EqualTo("configuration: Dispatch:Quotas:Child:Count must be 0–2,000,000; it is -1."));
    }

    [Test]
    public void Dispatch_PriorityListingAVariantTwice_IsRefused()
    {
        var file = Write("appsettings.json", """{ "Dispatch": { "Priority": [ "Child", "Child", "Household" ] } }""");

        var error = Assert.Throws<SettingsException>(() => Load(new Hashtable(), "runs", "list", "--config", file).Dispatch());

        Assert.That(error!.Message, Does.StartWith("configuration: Dispatch:Priority must list each variant once"));
    }

    [Test]
    public void Dispatch_MisspelledKey_NamesIt()
    {
        var file = Write("appsettings.json", """{ "Dispatch": { "Quota": { "Child": { "Count": 5 } } } }""");

        var error = Assert.Throws<SettingsException>(() => Load(new Hashtable(), "runs", "list", "--config", file).Dispatch());

        Assert.That(error!.Message, Does.Contain("'Quota'").And.Contain("Dispatch"));
    }

    [Test]
    public void Dispatch_VariantCodeAsQuotaKey_IsRefused()
    {
        // lonely_death is the file and CLI spelling; the configuration key is the option's name, LonelyDeath.
        var file = Write("appsettings.json", """{ "Dispatch": { "Quotas": { "lonely_death": { "Count": 5 } } } }""");

        Assert.Throws<SettingsException>(() => Load(new Hashtable(), "runs", "list", "--config", file).Dispatch());
    }

    [Test]
    public void Pipeline_DispatchUnderPipeline_PointsToTheDispatchSection()
    {
        var file = Write("appsettings.json", """{ "Pipeline": { "Dispatch": { "Quotas": { "Child": { "Count": 5 } } } } }""");

        var error = Assert.Throws<SettingsException>(() => Load(new Hashtable(), "worker", "--config", file).Pipeline());

        Assert.That(error!.Message, Does.Contain("section Dispatch"));
    }

    [Test]
    public void Dispatch_DispatchDateOption_SetsTheKeyForTheStageAndThePipeline()
    {
        var settings = Load(new Hashtable(), "run-quarter", "2026Q3", "--dispatch-date", "2026-10-20");

        Assert.That(settings.Dispatch(Core.Quarters.Quarter.Parse("2026Q3")).DispatchDate, Is.EqualTo(new DateOnly(2026, 10, 20)));
        Assert.That(settings.Pipeline().Dispatch.DispatchDate, Is.EqualTo(new DateOnly(2026, 10, 20)), "the run in this process dispatches with it");
    }

    [Test]
    public void Dispatch_DispatchDateVariable_BindsTheKey()
    {
        var options = Load(new Hashtable { ["BLINDSPOT_DISPATCH__DISPATCH_DATE"] = "2027-01-05" }, "runs", "list").Dispatch();

        Assert.That(options.DispatchDate, Is.EqualTo(new DateOnly(2027, 1, 5)));
    }

    // 2026Q3 ends on 2026-09-30; the next quarter on 2026-12-31.
    [TestCase("2026-09-29", TestName = "Dispatch_DispatchDateBeforeTheQuarterEnds_NamesTheKey")]
    [TestCase("2027-01-01", TestName = "Dispatch_DispatchDateAfterTheNextQuarterEnds_NamesTheKey")]
    public void Dispatch_DispatchDateOutOfRange_NamesTheKey(string date)
    {
        var settings = Load(new Hashtable(), "dispatch", "2026Q3", "--dispatch-date", date);

        var error = Assert.Throws<SettingsException>(() => settings.Dispatch(Core.Quarters.Quarter.Parse("2026Q3")));

        Assert.That(error!.Message, Is.EqualTo($"configuration: Dispatch:DispatchDate must be 2026-09-30–2026-12-31 for 2026Q3 (from the quarter's last day to the next quarter's); it is {date}."));
    }
}
