using static BlindSpot.Dispatch.Tests.TestSupport.DispatchScenario;

namespace BlindSpot.Dispatch.Tests.Outcomes;

/// <summary>What an import leaves on disk holds resident numbers: owner-only files in owner-only folders.</summary>
public sealed partial class OutcomeImporterTests
{
    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    [Platform(Exclude = "Win")]
    public async Task Import_KeptCopyReportAndHistory_AreOwnerOnly()
    {
        var result = await Importer().ImportAsync(root, Quarter, FillWorklist("11110", (_, _) => ("supported", "2026-10-20")));

        var imports = Path.GetDirectoryName(result.ReportPath)!;
        Assert.That(File.GetUnixFileMode(imports), Is.EqualTo(Core.Files.PrivateFiles.OwnerOnlyFolder));
        foreach (var file in Directory.GetFiles(imports).Append(Path.Combine(root.OutcomesFolder(Quarter), "outcome-history.csv")))
        {
            Assert.That(File.GetUnixFileMode(file), Is.EqualTo(Core.Files.PrivateFiles.OwnerOnlyFile), file);
        }
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    [Platform(Exclude = "Win")]
    public void Dispatch_WorklistsAndRegister_AreOwnerOnly()
    {
        var folder = root.WorklistFolder(Quarter);

        Assert.That(File.GetUnixFileMode(folder), Is.EqualTo(Core.Files.PrivateFiles.OwnerOnlyFolder));
        foreach (var file in Directory.GetFiles(folder).Append(root.PastDispatches(Quarter)))
        {
            Assert.That(File.GetUnixFileMode(file), Is.EqualTo(Core.Files.PrivateFiles.OwnerOnlyFile), file);
        }
    }
}
