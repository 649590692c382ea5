using BlindSpot.Core.Catalog;
using BlindSpot.Core.Regions;
using BlindSpot.Core.Stages;
using BlindSpot.Dispatch;
using BlindSpot.Dispatch.Discovery;
using BlindSpot.Testing;

namespace BlindSpot.Portal.Tests.TestSupport;

/// <summary>
/// Puts <see cref="DiscoveryQuarter"/> beside a <see cref="PortalData"/> root (its dispatched people are the worklists'
/// register) and runs the real discovery-index stage on it, with the quotas the fixture's grades assume.
/// </summary>
internal static class DiscoveryData
{
    public static async Task WriteAsync(PortalData data)
    {
        var catalog = FeedCatalog.LoadDefault();
        var dispatched = data.Entries.Select((e, i) => (PortalData.ResidentNumber(i + 1), e.SigunguCode)).ToList();
        await DiscoveryQuarter.WriteAsync(data.Root, catalog, dispatched, writeRegister: false);
        var options = new DispatchOptions();
        foreach (var (variant, count) in DiscoveryQuarter.Quotas)
        {
            options.Quotas[variant] = new VariantQuota { Count = count, ScaleWithRoster = false };
        }

        await new DiscoveryIndexStage(catalog, RegionRegistry.LoadDefault(), options, DiscoveryQuarter.Keys)
            .RunAsync(new StageRun(data.Root, DiscoveryQuarter.Quarter, new Dictionary<string, string>(), null), CancellationToken.None);
    }
}
