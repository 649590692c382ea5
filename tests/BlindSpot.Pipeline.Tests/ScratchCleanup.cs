using BlindSpot.Pipeline.Tests.TestSupport;

namespace BlindSpot.Pipeline.Tests;

/// <summary>Removes the prepared sample and every run's copy after the last test of the assembly.</summary>
[SetUpFixture]
public sealed class ScratchCleanup
{
    [OneTimeTearDown]
    public void DeleteScratch() => SampleRoot.Delete();
}
